using System.Text.Json;
using Workflow.Application.Calendars;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Calendars;

/// <summary>What we write is read back by ical.js, the parser behind Thunderbird and many web calendars.</summary>
public sealed class ICalendarWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static ICalEvent Invitation(int sequence = 0, bool cancelled = false) => new(
        "01a1fc89-60fa-76e5-9f36-c6c3cf3760f5@workflow", sequence, Start, Start.AddHours(1),
        "Expertise dégâts des eaux — EXP-2026-00001; étage, cuisine",
        "Rendez-vous avec Gisèle LAFRAISE.\nApporter le rapport, les photos; et le devis \\ facture. " + new string('é', 80),
        "Rue des Fleurs 12, 5030 Gembloux", 50.566, 4.692, "paula@demo.local", "Paula Planner",
        [new("anne@demo.local", "Anne Dubois", PartStat.Accepted), new("marc@demo.local", "Lefèvre, Marc", PartStat.NeedsAction), new("gisele@example.org", "Gisèle LAFRAISE", PartStat.Tentative, Rsvp: false)],
        cancelled);

    [Fact]
    public async Task An_invitation_reads_back_identically_in_ical_js()
    {
        var ics = ICalendarWriter.Write([Invitation(sequence: 2)], Start.AddDays(-1), method: "REQUEST");

        var read = await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", ics);

        read.GetProperty("ok").GetBoolean().ShouldBeTrue(read.ToString());
        read.GetProperty("method").GetString().ShouldBe("REQUEST");
        var e = read.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("uid").GetString().ShouldBe("01a1fc89-60fa-76e5-9f36-c6c3cf3760f5@workflow");
        e.GetProperty("sequence").GetInt32().ShouldBe(2);
        e.GetProperty("summary").GetString().ShouldBe(Invitation().Summary);
        e.GetProperty("description").GetString().ShouldBe(Invitation().Description);
        e.GetProperty("location").GetString().ShouldBe("Rue des Fleurs 12, 5030 Gembloux");
        e.GetProperty("start").GetString().ShouldBe("2026-11-24T08:00:00.000Z");
        e.GetProperty("end").GetString().ShouldBe("2026-11-24T09:00:00.000Z");
        e.GetProperty("status").GetString().ShouldBe("CONFIRMED");
        e.GetProperty("geo").EnumerateArray().Select(x => x.GetDouble()).ShouldBe([50.566, 4.692]);
        e.GetProperty("organizer").GetString().ShouldBe("mailto:paula@demo.local");
        var attendees = e.GetProperty("attendees").EnumerateArray().Select(a => (a.GetProperty("value").GetString(), a.GetProperty("cn").GetString(), a.GetProperty("partstat").GetString())).ToList();
        attendees.ShouldBe([("mailto:anne@demo.local", "Anne Dubois", "ACCEPTED"), ("mailto:marc@demo.local", "Lefèvre, Marc", "NEEDS-ACTION"), ("mailto:gisele@example.org", "Gisèle LAFRAISE", "TENTATIVE")]);
    }

    [Fact]
    public async Task A_cancellation_is_a_cancel_message_with_a_cancelled_event()
    {
        var ics = ICalendarWriter.Write([Invitation(sequence: 3, cancelled: true)], Start, method: "CANCEL");

        var read = await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", ics);

        read.GetProperty("method").GetString().ShouldBe("CANCEL");
        var e = read.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("status").GetString().ShouldBe("CANCELLED");
        e.GetProperty("sequence").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_with_crlf()
    {
        var ics = ICalendarWriter.Write([Invitation()], Start, method: "REQUEST");

        ics.ShouldEndWith("END:VCALENDAR\r\n");
        foreach (var line in ics.Split("\r\n"))
            System.Text.Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line);
        ics.Split("\r\n").Count(l => l.StartsWith(' ')).ShouldBeGreaterThan(0);
        ics.ShouldNotContain("\n\n");
    }

    [Fact]
    public async Task A_name_with_a_line_break_or_quotes_cannot_break_the_message()
    {
        var ics = ICalendarWriter.Write([Invitation() with { OrganizerName = "Paula \"PP\" Planner", Attendees = [new("anne@demo.local", "Anne\r\nATTENDEE:mailto:evil@example.org", PartStat.Accepted)] }], Start, method: "REQUEST");

        var read = await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", ics);

        read.GetProperty("ok").GetBoolean().ShouldBeTrue(read.ToString());
        var attendee = read.GetProperty("events")[0].GetProperty("attendees").EnumerateArray().ShouldHaveSingleItem();
        attendee.GetProperty("value").GetString().ShouldBe("mailto:anne@demo.local");
        attendee.GetProperty("cn").GetString().ShouldBe("Anne  ATTENDEE:mailto:evil@example.org");
        ics.ShouldContain("ORGANIZER;CN=Paula 'PP' Planner:mailto:paula@demo.local");
    }

    [Fact]
    public void What_we_write_our_reader_reads_as_busy_time()
    {
        var ics = ICalendarWriter.Write([Invitation()], Start);

        var busy = BusyTimeReader.Read(ics, Start.AddDays(-1), Start.AddDays(1), TimeZoneInfo.Utc).Spans;

        busy.ShouldBe([new BusySpan(Start, Start.AddHours(1))]);
    }
}
