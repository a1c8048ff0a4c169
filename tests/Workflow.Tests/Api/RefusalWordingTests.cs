using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;

namespace Workflow.Tests.Api;

/// <summary>Refusals say what happened: an unknown user is a 404, malformed JSON is called malformed, a dossier filter takes an id, year 1 is no date.</summary>
public sealed class RefusalWordingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_calendars_of_an_unknown_user_are_a_404()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var nobody = Guid.NewGuid();

        await (await admin.GetAsync($"/users/{nobody}/calendars")).Problem(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/users/{nobody}/calendars/personal", null)).Problem(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/users/{nobody}/calendars/personal")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_reported_as_malformed_and_a_wrong_type_as_a_wrong_type()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var malformed = await (await client.PostAsync("/appointments", new StringContent($$"""{"dossierId":"{{s.Dossier.Id}}", "title": }""", Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest);
        var wrongType = await (await client.PostAsync("/appointments", new StringContent("""{"dossierId": 12, "title": "x"}""", Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest);

        malformed.GetProperty("errors").ToString().ShouldContain("not valid JSON");
        wrongType.GetProperty("errors").GetProperty("dossierId")[0].GetString()!.ShouldContain("not valid for its type");
    }

    [Fact]
    public async Task Instances_are_found_by_their_dossiers_id_too()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("by-id-review", "by-id-kind"), Publish: true), designer);
        var referent = await app.CreateUser(Roles.Planner);
        var dossier = await app.Send(new CreateDossier.Command("By id", "by-id-kind", referent.Id), referent);
        await app.Send(new CreateDossier.Command("Other", "by-id-kind", referent.Id), referent);

        var found = await (await (await app.Client(referent)).GetAsync($"/workflows/instances?dossier={dossier.Id}")).Read<List<InstanceSummary>>();

        found.Select(i => i.DossierId).ShouldBe([dossier.Id]);
    }

    [Fact]
    public async Task A_date_nobody_means_is_refused_as_such_wherever_it_comes()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var yearOne = await (await client.PostAsync($"/users/{s.Expert.Id}/availability",
            new StringContent("""{"start":"0001-01-01T00:00:00Z","end":"0001-01-01T01:00:00Z"}""", Encoding.UTF8, "application/json"))).Problem(HttpStatusCode.BadRequest);
        var farAway = await (await client.GetAsync($"/dossiers/{s.Dossier.Id}/experts?from=9999-12-31T00:00:00Z&to=9999-12-31T23:00:00Z&duration=60"))
            .Problem(HttpStatusCode.BadRequest);

        yearOne.GetProperty("errors").GetProperty("start")[0].GetString().ShouldBe("'start' must be a date between the years 1900 and 2999.");
        yearOne.GetProperty("errors").GetProperty("end")[0].GetString().ShouldBe("'end' must be a date between the years 1900 and 2999.");
        farAway.GetProperty("errors").GetProperty("from")[0].GetString().ShouldBe("'from' must be a date between the years 1900 and 2999.");
    }

    private sealed record Slot(DateTimeOffset Start, DateTimeOffset? End);

    private sealed record Proposal(string Title, Slot First, IReadOnlyList<Slot> Others, DateTimeOffset[] Reminders);

    [Fact]
    public void An_implausible_instant_inside_a_request_is_named_by_its_path()
    {
        var fine = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Workflow.Application.Common.Messaging.Instants.Check(new Proposal("Visit", new Slot(fine, fine.AddHours(1)), [new Slot(fine, null)], [fine])).ShouldBeEmpty();

        var failures = Workflow.Application.Common.Messaging.Instants.Check(new Proposal("Visit", new Slot(DateTimeOffset.MinValue, fine),
            [new Slot(fine, fine), new Slot(fine, DateTimeOffset.MaxValue)], [fine, new DateTimeOffset(1850, 1, 1, 0, 0, 0, TimeSpan.Zero)]));

        failures.Select(f => f.PropertyName).ShouldBe(["first.start", "others[1].end", "reminders[1]"], ignoreOrder: true);
        failures.Single(f => f.PropertyName == "others[1].end").ErrorMessage.ShouldBe("'others[1].end' must be a date between the years 1900 and 2999.");
    }
}
