using System.Globalization;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;
using Workflow.Application.Calendars;

namespace Workflow.Tests.Calendars;

/// <summary>
/// The recurrence examples of RFC 5545 §3.8.5.3 (Fixtures/rfc5545-recurrence-examples.ics: each VEVENT is one
/// example, in America/New_York, with the instances the RFC lists in X-EXPECTED), each published alone as a feed
/// and read through <see cref="BusyTimeReader"/>. Where the RFC lists every instance (COUNT or UNTIL,
/// X-EXPECTED-COMPLETE:TRUE) the window runs two years past the last one, so an extra instance would show;
/// for rules that run forever it ends just after the last instance listed.
/// </summary>
public sealed class RecurrenceExamplesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly Calendar Examples = Calendar.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Fixtures", "rfc5545-recurrence-examples.ics")))!;

    public static TheoryData<string> Names() => new(Examples.Events.Select(e => e.Summary!));

    [Fact]
    public void The_fixture_holds_the_examples_of_the_rfc() => Examples.Events.Count.ShouldBe(41);

    [Theory]
    [MemberData(nameof(Names))]
    public void An_rfc_5545_example_expands_to_the_instances_the_rfc_lists(string name)
    {
        var example = Examples.Events.Single(e => e.Summary == name);
        var expected = example.Properties["X-EXPECTED"]!.Value!.ToString()!.Split(',')
            .Select(t => DateTime.ParseExact(t, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)).ToList();
        var complete = example.Properties["X-EXPECTED-COMPLETE"]!.Value!.ToString() == "TRUE";
        var feed = new Calendar();
        feed.Events.Add(example.Copy<CalendarEvent>()!);
        var ics = new CalendarSerializer().SerializeToString(feed)!;
        var from = Utc(expected[0].AddDays(-1));
        var to = complete ? Utc(expected[^1].AddYears(2)) : Utc(expected[^1].AddMinutes(1));

        var busy = BusyTimeReader.Read(ics, from, to, NewYork);

        busy.Spans.Select(s => TimeZoneInfo.ConvertTime(s.Start, NewYork).DateTime).ShouldBe(expected);
        busy.Spans.ShouldAllBe(s => s.End - s.Start == TimeSpan.FromMinutes(10));
        busy.Warnings.ShouldBeEmpty();
    }

    private static DateTimeOffset Utc(DateTime newYork) => new(TimeZoneInfo.ConvertTimeToUtc(newYork, NewYork), TimeSpan.Zero);
}
