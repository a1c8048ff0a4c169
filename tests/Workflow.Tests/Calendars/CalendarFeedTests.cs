using System.Net;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Agendas;
using Workflow.Application.Calendars;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Invitations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Calendars;

public sealed class CalendarFeedTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly FeedServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Fixtures", name));

    [Fact]
    public async Task A_synced_feed_shows_as_busy_in_the_agenda_and_blocks_slots()
    {
        var s = await Scenario.Create(app);
        var url = _server.Publish($"/{Guid.NewGuid():N}/basic.ics", Fixture("google-weekly.ics"));
        var client = await app.Client(s.Expert);
        var feed = await (await client.Post($"/users/{s.Expert.Id}/calendars", new { url, name = "Google" })).Read<CalendarFeedDto>(HttpStatusCode.Created);

        var synced = await (await client.PostAsync($"/users/{s.Expert.Id}/calendars/{feed.Id}/sync", null)).Read<CalendarFeedDto>();

        synced.Status.ShouldBe(FeedStatus.Ok);
        synced.BusyCount.ShouldBe(3); // the Mondays 16, 23 and 30 November within a week back and six months ahead
        var agenda = (await app.Send(new GetAgendas.Query([s.Expert.Id], Scenario.At(0), Scenario.At(23), SlotMinutes: 60), s.Planner)).Single();
        agenda.External.ShouldBe([new AgendaBusy(Scenario.At(8), Scenario.At(9))]);
        agenda.FreeSlots!.Select(x => x.Start).ShouldBe([Scenario.At(9), Scenario.At(10)]);
        (await Should.ThrowAsync<DomainException>(() =>
            app.Send(new CreateAppointment.Command(s.Dossier.Id, "Clash", s.Expert.Id, Scenario.At(8), Scenario.At(9)), s.Planner)))
            .Reason.ShouldBe("busy-elsewhere");
    }

    [Fact]
    public async Task A_feed_that_fails_keeps_its_busy_times_and_says_why()
    {
        var s = await Scenario.Create(app);
        var path = $"/{Guid.NewGuid():N}/flaky.ics";
        var url = _server.Publish(path, Fixture("google-weekly.ics"));
        var feed = await app.Send(new AddCalendarFeed.Command(s.Expert.Id, url), s.Expert);
        await app.Send(new SyncCalendarFeed.Command(feed.Id), s.Expert);

        _server.Publish(path, "gone", status: 503);
        var failed = await app.Send(new SyncCalendarFeed.Command(feed.Id), s.Expert);

        failed.Status.ShouldBe(FeedStatus.Error);
        failed.LastError!.ShouldContain("503");
        failed.BusyCount.ShouldBe(3);
        (await app.Query(db => Task.FromResult(db.ExternalBusyTimes.Count(b => b.FeedId == feed.Id)))).ShouldBe(3);

        _server.Publish(path, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n");
        (await app.Send(new SyncCalendarFeed.Command(feed.Id), s.Expert)).LastError!.ShouldContain("Unclosed component VEVENT");
    }

    [Fact]
    public async Task A_zone_nothing_defines_is_read_in_the_owners_zone_and_the_feed_says_so()
    {
        var s = await Scenario.Create(app);
        var day = Scenario.At(8).UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var url = _server.Publish($"/{Guid.NewGuid():N}/mars.ics",
            $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Mars/Olympus_Mons:{day}T090000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        var feed = await app.Send(new AddCalendarFeed.Command(s.Expert.Id, url), s.Expert);

        var synced = await app.Send(new SyncCalendarFeed.Command(feed.Id), s.Expert);

        synced.Status.ShouldBe(FeedStatus.Ok);
        synced.BusyCount.ShouldBe(1);
        synced.LastWarning.ShouldBe("Unknown time zone \"Mars/Olympus_Mons\": its times were read in Europe/Brussels.");
        var listed = (await app.Send(new ListCalendarFeeds.Query(s.Expert.Id), s.Expert)).Single();
        listed.LastWarning.ShouldBe(synced.LastWarning);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_manages_feeds_and_addresses_must_be_web_addresses()
    {
        var s = await Scenario.Create(app);
        var planner = await app.Client(s.Planner);

        (await (await planner.Post($"/users/{s.Expert.Id}/calendars", new { url = "https://example.org/cal.ics" })).Problem(HttpStatusCode.Forbidden)).Reason().ShouldBe("not-owner");
        var expert = await app.Client(s.Expert);
        (await (await expert.Post($"/users/{s.Expert.Id}/calendars", new { url = "file:///etc/passwd" })).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
        (await expert.Post($"/users/{s.Expert.Id}/calendars", new { url = "webcal://calendar.example.org/feed.ics" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task By_default_the_server_refuses_to_fetch_from_private_addresses()
    {
        var fetcher = new HttpFeedFetcher(new ConfigurationBuilder().Build());
        var url = _server.Publish("/private.ics", Fixture("google-weekly.ics"));

        var refused = await Should.ThrowAsync<FeedFetchException>(() => fetcher.Fetch(url, CancellationToken.None));

        refused.Message.ShouldContain("not a public address");
    }

    [Fact]
    public async Task The_personal_feed_lists_the_users_appointments_until_revoked()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        // An expert plans on dossiers he is on: the colleague is.
        await app.Send(new AddParticipant.Command(s.Dossier.Id, ParticipantKind.InternalUser, "expert", colleague.Id), s.Planner);
        var mine = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "In my agenda", s.Expert.Id, Scenario.At(8), Scenario.At(9)), s.Planner);
        var invited = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Invited", colleague.Id, Scenario.At(12), Scenario.At(13), UserIds: [s.Expert.Id]), colleague);
        var declined = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Declined", colleague.Id, Scenario.At(14), Scenario.At(15), UserIds: [s.Expert.Id]), colleague);
        await app.Send(new AnswerInvitation.Command(declined.Invitations.Single().Id, InvitationStatus.Declined), s.Expert);
        var client = await app.Client(s.Expert);
        var feedUrl = (await (await client.PostAsync($"/users/{s.Expert.Id}/calendars/personal", null)).Read<CalendarEndpointsResponse>()).Url;
        var anonymous = await app.Client();

        var ics = await anonymous.GetStringAsync(new Uri(feedUrl).PathAndQuery);
        var read = await Node.Run("tests/Workflow.Tests/Calendars/ical/read.mjs", ics);

        read.GetProperty("ok").GetBoolean().ShouldBeTrue(read.ToString());
        read.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ShouldBe([$"{mine.Id}@workflow", $"{invited.Id}@workflow"]);

        var rotated = (await (await client.PostAsync($"/users/{s.Expert.Id}/calendars/personal", null)).Read<CalendarEndpointsResponse>()).Url;
        (await anonymous.GetAsync(new Uri(feedUrl).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(rotated).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync($"/users/{s.Expert.Id}/calendars/personal")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(new Uri(rotated).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private sealed record CalendarEndpointsResponse(string Url);
}
