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
    }

    [Fact]
    public void The_window_limits_what_is_returned()
    {
        var busy = BusyTimeReader.Read(Fixture("google-weekly.ics"), Z(11, 16, 0), Z(11, 17, 0), Brussels).Spans;

        busy.ShouldBe([new(Z(11, 16, 8), Z(11, 16, 9))]);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261123T090000Z\r\nEND:VCALENDAR\r\n")]
    [InlineData("not a calendar at all")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261123T090000Z\r\nDTEND:20261123T100000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    public void A_broken_feed_is_a_format_error(string ics)
    {
        Should.Throw<FormatException>(() => BusyTimeReader.Read(ics, Z(11, 1, 0), Z(12, 1, 0), Brussels));
    }
}
