using System.Net;
using System.Text;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Api;

/// <summary>A client's mistake is a 4xx that names what is wrong, never a 500, and changes nothing.</summary>
public sealed class ProblemDetailsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var client = await app.Client(await app.CreateUser(Roles.Planner));

        var response = await client.PostAsync("/dossiers", new StringContent("{\"title\": \"unterminated", Encoding.UTF8, "application/json"));

        (await response.Problem(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var problem = await (await client.Post("/appointments", new { dossierId = s.Dossier.Id, title = "x", start = "tomorrow-ish" })).Problem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var client = await app.Client(await app.CreateUser(Roles.Planner));

        var problem = await (await client.Post("/dossiers", new { title = "", kind = "Not A Kind", referentId = Guid.Empty, address = new { text = "", latitude = 123.0 } }))
            .Problem(HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldContain("title");
        fields.ShouldContain("kind");
        fields.ShouldContain("referentId");
        fields.ShouldContain("address.text");
        fields.ShouldContain("address.latitude");
    }

    [Fact]
    public async Task An_unknown_enum_word_is_a_400()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        (await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "alien", role = "x", name = "Zorg" })).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
        (await (await client.GetAsync("/dossiers?status=lost")).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Unknown_ids_are_404_or_a_400_naming_the_field()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        await (await client.GetAsync($"/dossiers/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/appointments/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
        var problem = await (await client.Post("/appointments", new { dossierId = s.Dossier.Id, title = "x", mainUserId = Guid.NewGuid(), start = Scenario.At(9), end = Scenario.At(10), userIds = new[] { Guid.NewGuid() } }))
            .Problem(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldContain("mainUserId");
        fields.ShouldContain("userIds[0]");
    }

    [Fact]
    public async Task A_query_value_the_binder_cannot_read_or_a_missing_one_is_a_400_naming_it()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var unreadable = await (await client.GetAsync("/workflows/instances?dossierId=not-a-guid")).Problem(HttpStatusCode.BadRequest);
        var missing = await (await client.GetAsync($"/dossiers/{s.Dossier.Id}/experts?to=2026-11-24T00:00:00Z&duration=60")).Problem(HttpStatusCode.BadRequest);
        var noBody = await (await client.PostAsync("/appointments", null)).Problem(HttpStatusCode.BadRequest);

        unreadable.GetProperty("errors").GetProperty("dossierId")[0].GetString().ShouldBe("The value of 'dossierId' is not valid for its type.");
        missing.GetProperty("errors").GetProperty("from")[0].GetString().ShouldBe("'from' is required.");
        noBody.GetProperty("errors").GetProperty("body")[0].GetString().ShouldBe("The request needs a JSON body.");
    }

    [Fact]
    public async Task A_refused_booking_leaves_nothing_behind()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var client = await app.Client(s.Planner);

        await (await client.Post("/appointments", new { dossierId = s.Dossier.Id, title = "x", mainUserId = s.Expert.Id, start = Scenario.At(12), end = Scenario.At(13), userIds = new[] { colleague.Id } }))
            .Problem(HttpStatusCode.Conflict);

        (await app.Query(db => Task.FromResult(db.Invitations.Count(i => i.UserId == colleague.Id)))).ShouldBe(0);
        (await app.Query(db => Task.FromResult(db.Appointments.Count(a => a.DossierId == s.Dossier.Id)))).ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        var user = await app.CreateUser(Roles.Planner);
        var client = await app.Client();

        await (await client.Post("/auth/login", new { email = user.Email, password = "wrong-password" })).Problem(HttpStatusCode.Unauthorized);
    }
}
