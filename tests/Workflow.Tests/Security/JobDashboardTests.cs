using System.Net;
using System.Net.Http.Json;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

/// <summary>Hangfire's dashboard at /jobs: administrators only, signed in as for the API, under the application's Content-Security-Policy.</summary>
public sealed class JobDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_admin_with_a_token_sees_the_dashboard_under_the_strict_policy()
    {
        var response = await (await app.Client(await app.CreateUser(Roles.Admin))).GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Workflow jobs");
        html.ShouldNotContain("Host=", Case.Insensitive, "the database's address stays out of the page");
        // Its layout has no inline script (its settings travel in data- attributes): the application's policy holds.
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task An_admin_signed_in_with_the_browsers_cookie_reaches_it_too()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var client = await app.Client();
        var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = admin.Email, password = AppFixture.Password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs/recurring");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Workflow jobs");
    }

    [Theory]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Designer)]
    [InlineData(Roles.Expert)]
    public async Task Anyone_else_signed_in_is_refused(string role)
    {
        var client = await app.Client(await app.CreateUser(role));

        (await client.GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/jobs/jobs/scheduled")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "workflow-sweep")]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_caller_is_asked_to_sign_in()
    {
        var client = await app.Client();

        (await client.GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/jobs/stats")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
