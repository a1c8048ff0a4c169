using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

/// <summary>PostgreSQL cannot store U+0000: every way in refuses it (and the other control characters) with a 400 naming the field.</summary>
public sealed class InputGuardTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/locations?search=%00", "search")]
    [InlineData("/dossiers?search=a%00b", "search")]
    [InlineData("/dossiers?kind=%00", "kind")]
    [InlineData("/users?search=%00", "search")]
    [InlineData("/users?skills=roof,%00", "skills")]
    [InlineData("/users?role=%01", "role")]
    [InlineData("/workflows/instances?key=%00", "key")]
    [InlineData("/workflows/instances?dossier=%00", "dossier")]
    [InlineData("/forms/a%01b", "key")]
    [InlineData("/forms/plan-appointment%1f/versions", "key")]
    [InlineData("/workflows/definitions/a%7fb/versions", "key")]
    [InlineData("/calendar/a%07b.ics", "token")]
    [InlineData("/dossiers/%01", "path")]
    public async Task A_control_character_in_the_query_or_the_route_is_a_400_naming_it(string url, string field)
    {
        var client = await app.Client(await app.CreateUser(Roles.Admin));

        var problem = await (await client.GetAsync(url)).Problem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_nul_in_a_body_is_a_400_naming_its_path_and_nothing_is_written()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);
        var before = await app.Query(db => Task.FromResult(db.Dossiers.Count() + db.Appointments.Count()));

        var appointment = await (await Send(client, "/appointments", $$"""{"dossierId":"{{s.Dossier.Id}}","title":"Visit\u0000"}""")).Problem(HttpStatusCode.BadRequest);
        var dossier = await (await Send(client, "/dossiers", $$"""{"title":"\u0000","kind":"expertise","referentId":"{{s.Planner.Id}}"}""")).Problem(HttpStatusCode.BadRequest);
        var nested = await (await Send(client, "/dossiers", $$"""{"title":"T","kind":"expertise","referentId":"{{s.Planner.Id}}","requiredSkills":["roof","a\u001fb"]}""")).Problem(HttpStatusCode.BadRequest);
        var inAddress = await (await Send(client, "/dossiers", $$$"""{"title":"T","kind":"expertise","referentId":"{{{s.Planner.Id}}}","address":{"text":"x\u0000"}}""")).Problem(HttpStatusCode.BadRequest);

        Fields(appointment).ShouldBe(["title"]);
        Fields(dossier).ShouldBe(["title"]);
        Fields(nested).ShouldBe(["requiredSkills[1]"]);
        Fields(inAddress).ShouldBe(["address.text"]);
        (await app.Query(db => Task.FromResult(db.Dossiers.Count() + db.Appointments.Count()))).ShouldBe(before);
    }

    [Fact]
    public async Task Sign_in_with_a_nul_in_the_email_is_a_400_not_a_500()
    {
        var client = await app.Client();

        var problem = await (await Send(client, "/auth/login", """{"email":"\u0000","password":"x"}""")).Problem(HttpStatusCode.BadRequest);

        Fields(problem).ShouldBe(["email"]);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_text_are_kept()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var response = await Send(client, "/appointments", $$"""{"dossierId":"{{s.Dossier.Id}}","title":"Visit","comment":"first line\r\n\tsecond"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
