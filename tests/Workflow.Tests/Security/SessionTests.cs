using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Workflow.Application.Common;
using Workflow.Application.Users;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

/// <summary>Sessions end when they should: sign-out, a role change; refresh while they stand; lockout after failures; any case of "bearer".</summary>
public sealed class SessionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Signing_out_revokes_the_bearer_token_and_its_refresh_token()
    {
        var user = await app.CreateUser(Roles.Planner);
        var (client, login) = await SignIn(user);
        (await client.GetAsync("/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.Client()).PostAsJsonAsync("/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_with_a_cookie_revokes_a_copy_of_that_cookie()
    {
        var user = await app.CreateUser(Roles.Planner);
        var client = await app.Client();
        var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = user.Email, password = AppFixture.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workflow.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = await app.Client();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        (await copy.GetAsync("/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
        signOut.Headers.Add("Cookie", cookie);
        (await client.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await copy.GetAsync("/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_change_revokes_the_tokens_issued_with_the_old_roles()
    {
        var user = await app.CreateUser(Roles.Planner);
        var (client, _) = await SignIn(user);
        (await client.GetAsync("/dossiers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Send(new UpdateUser.Command(user.Id, null, [Roles.Expert], null, null, null), await app.CreateUser(Roles.Admin));

        (await client.GetAsync("/dossiers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (again, _) = await SignIn(user);
        (await (await again.GetAsync("/auth/me")).Read<UserSummary>()).Roles.ShouldBe([Roles.Expert]);
    }

    [Fact]
    public async Task The_refresh_token_gives_a_new_access_token()
    {
        var user = await app.CreateUser(Roles.Expert);
        var (_, login) = await SignIn(user);

        var refreshed = await (await (await app.Client()).PostAsJsonAsync("/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() }))
            .Read<JsonElement>();

        var client = await app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("accessToken").GetString());
        (await (await client.GetAsync("/auth/me")).Read<UserSummary>()).Id.ShouldBe(user.Id);
        (await (await app.Client()).PostAsJsonAsync("/auth/refresh", new { refreshToken = "tampered" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_scheme_name_bearer_is_accepted_in_any_case()
    {
        var user = await app.CreateUser(Roles.Expert);
        var (_, login) = await SignIn(user);
        var token = login.GetProperty("accessToken").GetString();

        foreach (var scheme in new[] { "bearer", "BEARER", "Bearer" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
            (await (await app.Client()).SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK, scheme);
        }
    }

    [Fact]
    public async Task Ten_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var user = await app.CreateUser(Roles.Expert);
        var client = await app.Client();
        for (var i = 0; i < 9; i++)
            (await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong" })).Problem(HttpStatusCode.Unauthorized))
                .Reason().ShouldBe("wrong-credentials");
        (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var locked = await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AppFixture.Password })).Problem(HttpStatusCode.Unauthorized);

        locked.Reason().ShouldBe("locked-out");
    }

    private async Task<(HttpClient Client, JsonElement Login)> SignIn(TestUser user)
    {
        var client = await app.Client();
        var login = await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AppFixture.Password })).Read<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return (client, login);
    }
}

/// <summary>The application with the sign-in limit of production (a few attempts a minute per address).</summary>
public sealed class LowLoginLimitFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder web) => web.UseSetting("Auth:LoginRateLimit:PermitLimit", "3");
}

public sealed class LoginRateLimitTests(LowLoginLimitFixture app) : IClassFixture<LowLoginLimitFixture>
{
    [Fact]
    public async Task Too_many_sign_ins_from_one_address_are_refused_with_429_and_retry_after()
    {
        var client = await app.Client();
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/auth/login", new { email = "nobody@test.local", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await client.PostAsJsonAsync("/auth/login", new { email = "nobody@test.local", password = "wrong" });

        (await refused.Problem(HttpStatusCode.TooManyRequests)).Reason().ShouldBe("rate-limited");
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
    }
}
