using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Application;
using Workflow.Application.DemoData;
using Workflow.Application.Jobs;
using Workflow.Application.Persistence;
using Workflow.Application.Users;
using Workflow.Web.Endpoints;
using Workflow.Web.Infrastructure;

namespace Workflow.Web;

public static class WorkflowHost
{
    /// <param name="replace">Services put in place of the application's, last (a test host arms its crash points so).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddWorkflowApplication();
        builder.Services.AddIdentityApiEndpoints<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "workflow.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = 401; return Task.CompletedTask; };
            cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddSessions();
        // PBKDF2 cost; only the test profile lowers it, to keep hundreds of sign-ins fast.
        builder.Services.AddOptions<PasswordHasherOptions>().Configure<IConfiguration>((o, c) =>
            o.IterationCount = c.GetValue("Identity:PasswordHashIterations", 100_000));

        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Numbers are numbers: the web defaults also read "60" as 60, which made every integer of the
            // OpenAPI document "integer or string" for the clients generated from it.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddProblemDetails();
        // The web application's scripts, styles and shell travel compressed (its first screen weighs about a
        // quarter as much). Only those types: the API's answers carry data and secrets, and stay as they are
        // (compressing them over HTTPS would open them to BREACH-style guessing).
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/javascript", "application/javascript", "text/css", "image/svg+xml", "text/html"];
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiSecurity>();
            o.AddOperationTransformer<ProblemReasonsTransformer>();
            o.CreateSchemaReferenceId = SchemaNames.Of;
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.Services.AddWorkflowJobServer();
        replace?.Invoke(builder.Services);

        var app = builder.Build();
        // The mail settings are read now, so a wrong one (Smtp:Security, a certificate check switched off in
        // production) stops the start instead of failing every message later.
        _ = app.Services.GetRequiredService<Workflow.Application.Notifications.IEmailTransport>();

        app.UseSecurityHeaders(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The web application is built into wwwroot/app (src/Workflow.Web/client); its routes live under /app
        // so that they never collide with the API's (GET /dossiers/{id} is data, /app/dossiers/{id} the screen).
        app.MapGet("/", () => TypedResults.Redirect("/app/")).AllowAnonymous().ExcludeFromDescription();
        app.UseResponseCompression();
        app.UseStaticFiles();
        // Before authentication: the UI is a static page, and everything it calls is authorised as usual.
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Workflow API");
            o.RoutePrefix = "swagger";
            o.ConfigObject.AdditionalItems["withCredentials"] = true;
        });
        // Before authentication: a control character is refused the same way signed in or not (POST /auth/login too).
        app.UseInputGuard();
        app.UseAuthentication();
        app.UseSessionRevocation();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCurrentUser();
        // After authentication and the session checks: the dashboard reads the same signed-in user as the API.
        app.UseJobDashboard();

        // Open to anyone: the API description and a health probe that tells nothing but the status.
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();

        // Every API route declares the problems it can answer, once, here.
        var api = app.MapGroup("").WithProblems();
        AuthEndpoints.Map(api);
        UserEndpoints.Map(api);
        DossierEndpoints.Map(api);
        TaskEndpoints.Map(api);
        AppointmentEndpoints.Map(api);
        PlanningEndpoints.Map(api);
        CalendarEndpoints.Map(api);
        RecordEndpoints.Map(api);
        FormEndpoints.Map(api);
        WorkflowEndpoints.Map(api);
        WebApp.Map(app);
        return app;
    }

    /// <summary>Applies migrations at start-up (unless Database:MigrateOnStartup is false) and seeds the demo data in Development.</summary>
    public static async Task PrepareDatabase(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await db.Database.MigrateAsync();
        if (app.Configuration.GetValue("Forms:ImportOnStartup", true))
        {
            var directory = app.Configuration["Forms:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "forms");
            var imported = await Workflow.Application.FormDefinitions.ShippedForms.Import(app.Services, directory, CancellationToken.None);
            if (imported.Any(r => r.Created))
                app.Logger.LogInformation("Imported forms: {Forms}", string.Join(", ", imported.Where(r => r.Created).Select(r => $"{r.Form.Key} v{r.Form.Version}")));
        }
        if (app.Configuration.GetValue("Workflows:DeployOnStartup", true))
        {
            var folder = app.Configuration["Workflows:Path"] ?? Path.Combine(AppContext.BaseDirectory, "workflows");
            if (Directory.Exists(folder))
                await Workflow.Application.Workflows.ShippedWorkflows.Deploy(app.Services, [folder], publish: true, app.Logger, CancellationToken.None);
        }
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
        {
            var seeder = ActivatorUtilities.CreateInstance<DevelopmentSeeder>(scope.ServiceProvider);
            var password = app.Configuration["Demo:Password"] ?? throw new InvalidOperationException("Demo:Password is not configured.");
            var accounts = await seeder.Seed(password, CancellationToken.None);
            var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : app.Configuration["urls"] ?? "http://localhost:5000";
            app.Logger.LogWarning("Workflow is starting on {Urls}. Swagger UI: /swagger. Demo accounts (password {Password}): {Accounts}",
                urls, password, string.Join(", ", accounts));
        }
    }
}
