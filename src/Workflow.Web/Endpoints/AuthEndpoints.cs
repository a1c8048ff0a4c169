using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MediatR;
using Workflow.Application.Common;
using Workflow.Application.Users;

namespace Workflow.Web.Endpoints;

public static class AuthEndpoints
{
    public sealed record LoginRequest(string Email, string Password);

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
                        statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
                // The sign-in has written the token (or the cookie) already.
                return TypedResults.Empty;
            })
            .AllowAnonymous();

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

        auth.MapPost("/logout", async Task<NoContent> (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        });

        auth.MapGet("/me", async Task<Ok<UserSummary>> (CurrentUser user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetUser.Query(user.RequireId()), ct)));
    }
}
