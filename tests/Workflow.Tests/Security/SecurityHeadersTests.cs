using System.Net;
using System.Net.Http.Json;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

public sealed class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/app/")]
    [InlineData("/app/dossiers")]
    [InlineData("/auth/session")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/dossiers")]
    [InlineData("/no-such-thing")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var response = await (await app.Client()).GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("base-uri 'self'");
        csp.ShouldContain("form-action 'self'");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task An_error_answer_carries_them_too()
    {
        var client = await app.Client(await app.CreateUser(Roles.Planner));

        var response = await client.GetAsync($"/dossiers/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
    }

    [Fact]
    public async Task Only_swagger_ui_may_run_its_inline_script()
    {
        var response = await (await app.Client()).GetAsync("/swagger/index.html");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self' 'unsafe-inline'");
    }

    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tiles.example.org:8443/{z}/{x}/{y}.png", "https://tiles.example.org:8443")]
    [InlineData("", null)]
    public void Map_tiles_are_allowed_from_the_configured_tile_server_only(string template, string? host)
    {
        Workflow.Web.Infrastructure.SecurityHeaders.TileHost(template).ShouldBe(host);
        Workflow.Web.Infrastructure.SecurityHeaders.Policy(host).ShouldContain("img-src 'self' data:" + (host is null ? ";" : " " + host + ";"));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_strict_and_not_secure_over_plain_http()
    {
        var user = await app.CreateUser(Roles.Expert);

        var login = await (await app.Client()).PostAsJsonAsync("/auth/login?useCookies=true", new { email = user.Email, password = AppFixture.Password });

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        // SameAsRequest: Secure whenever the request came over HTTPS (the test server speaks plain HTTP).
        cookie.ShouldNotContain("secure;");
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_secure()
    {
        var user = await app.CreateUser(Roles.Expert);
        var client = await app.Client();
        client.BaseAddress = new Uri("https://localhost/");

        var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = user.Email, password = AppFixture.Password });

        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.auth=", StringComparison.Ordinal)).ToLowerInvariant().ShouldContain("; secure");
    }
}
