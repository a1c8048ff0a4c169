using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MediatR;
using Workflow.Application.Common;
using Workflow.Application.Users;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

public static class AuthEndpoints
{
    public sealed record LoginRequest(string Email, string Password);

    public sealed record RefreshRequest(string RefreshToken);

    /// <summary>What the web application needs to start: the signed-in user (null when nobody is) and its settings.</summary>
    public sealed record SessionResponse(UserSummary? User, string? Language, ClientSettings Settings);

    public sealed record LanguageRequest(string Language);

    /// <summary>The map's tile server (a URL template, null for none: the map then shows its markers on a plain background).</summary>
    public sealed record ClientSettings(string? MapTileUrl, string? MapAttribution);

    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Authentication");

        // A bearer token for scripts and tests, or (useCookies=true) a cookie for the browser and Swagger UI.
        auth.MapPost("/login", async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ValidationProblem, ProblemHttpResult>> (
                LoginRequest login, bool? useCookies, SignInManager<AppUser> signIn) =>
            {
                var missing = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(login.Email)) missing["email"] = ["Give the e-mail address you sign in with."];
                if (string.IsNullOrEmpty(login.Password)) missing["password"] = ["Give your password."];
                if (missing.Count > 0)
                    return TypedResults.ValidationProblem(missing);
                signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: false, lockoutOnFailure: true);
                if (!result.Succeeded)
                    return TypedResults.Problem(result.IsLockedOut ? "Too many failed attempts: the account is locked for a few minutes." : "Wrong e-mail or password.",
                        statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                        extensions: new Dictionary<string, object?> { ["reason"] = result.IsLockedOut ? "locked-out" : "wrong-credentials" });
                // The sign-in has written the token (or the cookie) already.
                return TypedResults.Empty;
            })
            .AllowAnonymous()
            .Refuses("wrong-credentials", "locked-out", "rate-limited")
            .RequireRateLimiting(Sessions.LoginLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // A new access token (and refresh token) for the refresh token login gave, as long as the session stands:
        // signing out, a password or a role change ends it.
        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> (RefreshRequest body, SignInManager<AppUser> signIn,
                Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
            {
                if (string.IsNullOrEmpty(body.RefreshToken))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["Give the refresh token sign-in returned."] });
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                    return TypedResults.Problem("The refresh token is not valid, has expired, or its session has ended: sign in again.",
                        statusCode: StatusCodes.Status401Unauthorized, title: "Session ended",
                        extensions: new Dictionary<string, object?> { ["reason"] = "session-ended" });
                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .Refuses("session-ended")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // Answers 200 whether or not someone is signed in, so a page checking it logs no 401.
        auth.MapGet("/session", async Task<Ok<SessionResponse>> (CurrentUser user, IConfiguration configuration, IMediator mediator, CancellationToken ct) =>
            {
                var settings = new ClientSettings(configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null, configuration["Map:Attribution"]);
                if (!user.IsAuthenticated)
                    return TypedResults.Ok(new SessionResponse(null, null, settings));
                var me = await mediator.Send(new GetUser.Query(user.Id), ct);
                var preferences = await mediator.Send(new MyPreferences.Query(), ct);
                return TypedResults.Ok(new SessionResponse(me, preferences.Language, settings));
            })
            .AllowAnonymous();

        auth.MapPut("/me/language", async Task<NoContent> (LanguageRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ChooseLanguage.Command(body.Language), ct);
            return TypedResults.NoContent();
        });

        // Renewing the stamp revokes every token and cookie of the user (the stamp is checked on each request), then the cookie goes.
        auth.MapPost("/logout", async Task<NoContent> (System.Security.Claims.ClaimsPrincipal principal, SignInManager<AppUser> signIn) =>
        {
            if (await signIn.UserManager.GetUserAsync(principal) is { } user)
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        });

        auth.MapGet("/me", async Task<Ok<UserSummary>> (CurrentUser user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetUser.Query(user.RequireId()), ct)))
            .Refuses("not-authenticated");
    }
}
