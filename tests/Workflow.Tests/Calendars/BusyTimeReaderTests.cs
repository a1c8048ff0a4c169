using Workflow.Application.Calendars;

namespace Workflow.Tests.Calendars;

/// <summary>Feeds as Google Calendar and Exchange publish them (fixtures in Calendars/Fixtures).</summary>
public sealed class BusyTimeReaderTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Fixtures", name));

    private static DateTimeOffset Z(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Google_weekly_meeting_expands_across_dst_without_the_exception_and_with_the_moved_one()
    {
        var busy = BusyTimeReader.Read(Fixture("google-weekly.ics"), Z(10, 1, 0), Z(12, 31, 0), Brussels).Spans;

        busy.ShouldBe([
            new(Z(10, 12, 7), Z(10, 12, 8)),      // 09:00 CEST
            new(Z(10, 19, 7), Z(10, 19, 8)),
            new(Z(10, 26, 8), Z(10, 26, 9)),      // 09:00 CET after the change of 25 October
            // 2 November is an EXDATE; 9 November moved to the afternoon (RECURRENCE-ID).
            new(Z(11, 9, 13), Z(11, 9, 14)),
            new(Z(11, 12, 23), Z(11, 13, 23)),    // all-day leave, in the owner's zone; the transparent holiday is not busy
            new(Z(11, 16, 8), Z(11, 16, 9)),
            new(Z(11, 23, 8), Z(11, 23, 9)),
            new(Z(11, 30, 8), Z(11, 30, 9)),      // UNTIL is inclusive; the cancelled call is not busy
        ]);
    }

    [Fact]
    public void Exchange_windows_zones_durations_and_monthly_and_weekday_rules()
    {
        var busy = BusyTimeReader.Read(Fixture("outlook-exchange.ics"), Z(10, 1, 0), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc).Spans;

        busy.Where(b => b.End - b.Start == TimeSpan.FromMinutes(90)).Select(b => b.Start)
            .ShouldBe([Z(10, 27, 13, 30), Z(11, 24, 13, 30), Z(12, 29, 13, 30)]); // last Tuesday, COUNT=3
        busy.ShouldContain(new BusySpan(Z(11, 19, 8), Z(11, 19, 10, 30)));       // the file's own VTIMEZONE, DURATION
        var standups = busy.Where(b => b.End - b.Start == TimeSpan.FromMinutes(15)).Select(b => b.Start).ToList();
        standups.Count.ShouldBe(10);
        standups.ShouldNotContain(s => s.DayOfWeek == DayOfWeek.Saturday || s.DayOfWeek == DayOfWeek.Sunday);
        standups[^1].ShouldBe(Z(12, 4, 7, 30));
        // "Romance Standard Time" is a Windows id; "Custom Zone Unknown Elsewhere" is only the feed's VTIMEZONE: no guess, no warning.
        BusyTimeReader.Read(Fixture("outlook-exchange.ics"), Z(10, 1, 0), Z(12, 31, 0), TimeZoneInfo.Utc).Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void The_window_limits_what_is_returned()
    {
        var busy = BusyTimeReader.Read(Fixture("google-weekly.ics"), Z(11, 16, 0), Z(11, 17, 0), Brussels).Spans;

        busy.ShouldBe([new(Z(11, 16, 8), Z(11, 16, 9))]);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261123T090000Z\r\nEND:VCALENDAR\r\n", "END:VEVENT")]
    [InlineData("not a calendar at all", "not a calendar at all")]
    [InlineData("", "No VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "DTSTART that cannot be read")]
    public void A_broken_feed_is_a_format_error_saying_why(string ics, string why)
    {
        Should.Throw<FormatException>(() => BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels)).Message.ShouldContain(why);
    }

    private static string Feed(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n"
        + string.Concat(events.Select((e, i) => $"BEGIN:VEVENT\r\nUID:e{i}\r\nDTSTAMP:20261101T000000Z\r\n{e.Replace("\n", "\r\n")}\r\nEND:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    [Fact]
    public void An_unknown_zone_is_read_in_the_owners_zone_and_named_in_a_warning()
    {
        var ics = Feed("DTSTART;TZID=Mars/Olympus_Mons:20261124T090000\nDTEND;TZID=Mars/Olympus_Mons:20261124T100000",
            "DTSTART;TZID=W. Europe Standard Time:20261125T090000\nDURATION:PT1H");

        var busy = BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels);

        busy.Spans.ShouldBe([new(Z(11, 24, 8), Z(11, 24, 9)), new(Z(11, 25, 8), Z(11, 25, 9))]); // 09:00 in Brussels; a Windows id without VTIMEZONE
        busy.Warnings.ShouldBe(["Unknown time zone \"Mars/Olympus_Mons\": its times were read in Europe/Brussels."]);
    }

    [Fact]
    public void Floating_times_are_the_owners_and_rdates_add_instances()
    {
        var ics = Feed("DTSTART:20261124T090000\nDTEND:20261124T100000",
            "DTSTART;TZID=Europe/Brussels:20261102T140000\nDURATION:PT30M\nRDATE;TZID=Europe/Brussels:20261126T140000,20261127T160000");

        var busy = BusyTimeReader.Read(ics, Z(11, 20, 0), Z(12, 1, 0), Brussels);

        busy.Spans.ShouldBe([new(Z(11, 24, 8), Z(11, 24, 9)), new(Z(11, 26, 13), Z(11, 26, 13, 30)), new(Z(11, 27, 15), Z(11, 27, 15, 30))]);
        busy.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_with_more_busy_times_in_the_window_than_the_limit_is_refused()
    {
        var ics = Feed("DTSTART:20261120T090000Z\nDURATION:PT1M\nRRULE:FREQ=MINUTELY");

        Should.Throw<FormatException>(() => BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels)).Message.ShouldContain("more than 10000 busy times");
    }

    [Theory]
    [InlineData("DTSTART:19900101T000000Z\nDURATION:PT1M\nRRULE:FREQ=MINUTELY", "too densely")]
    [InlineData("DTSTART:19900101T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;COUNT=100000000", "too densely")]
    [InlineData("DTSTART:19000101T000000Z\nDURATION:PT1S\nRRULE:FREQ=DAILY;COUNT=100000000;BYHOUR=0,6,12,18;BYMINUTE=0,30", "to expand")]
    public void A_dense_rule_from_long_ago_is_refused_within_the_limits(string e, string why)
    {
        var limits = BusyTimeLimits.Default with { MaxTime = TimeSpan.FromMilliseconds(300) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Should.Throw<FormatException>(() => BusyTimeReader.Read(Feed(e), Z(11, 1, 0), Z(12, 1, 0), Brussels, limits)).Message.ShouldContain(why);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Expanding_stops_at_the_time_limit()
    {
        var ics = Feed("DTSTART:20261101T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;INTERVAL=10");
        var limits = BusyTimeLimits.Default with { MaxTime = TimeSpan.FromMilliseconds(50), MaxSpans = int.MaxValue };

        Should.Throw<FormatException>(() => BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels, limits)).Message.ShouldContain("to expand");
    }

    [Fact]
    public void A_daily_rule_from_years_ago_is_read()
    {
        var ics = Feed("DTSTART;TZID=Europe/Brussels:20000101T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY");

        BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels).Spans.Count.ShouldBe(30);
    }

    [Fact]
    public void A_rule_that_never_matches_is_refused()
    {
        var ics = Feed("DTSTART:20260101T090000Z\nDURATION:PT1H\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");

        Should.Throw<FormatException>(() => BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels)).Message.ShouldContain("cannot be expanded");
    }
}
