using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Api;

public sealed class HostTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await (await app.Client()).GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_bearer_scheme()
    {
        var document = await (await app.Client()).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/appointments");
        paths.ShouldContain("/invitations/mine/count");
        paths.ShouldContain("/dossiers/{id}/appointments");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
    }

    [Fact]
    public async Task A_browser_signs_in_with_a_cookie_and_out_again()
    {
        var user = await app.CreateUser(Roles.Expert);
        var client = await app.Client();

        var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = user.Email, password = AppFixture.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var me = await (await client.SendAsync(request)).Read<JsonElement>();
        me.GetProperty("email").GetString().ShouldBe(user.Email);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["expert"]);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
        logout.Headers.Add("Cookie", cookie.Split(';')[0]);
        var loggedOut = await client.SendAsync(logout);
        loggedOut.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        loggedOut.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("workflow.auth=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Login_without_credentials_names_the_missing_fields()
    {
        var problem = await (await (await app.Client()).Post("/auth/login", new { })).Problem(HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["email", "password"], ignoreOrder: true);
    }
}
