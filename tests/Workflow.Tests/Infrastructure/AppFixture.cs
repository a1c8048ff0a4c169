using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Application.Common;
using Workflow.Application.Jobs;
using Workflow.Application.Persistence;
using Workflow.Application.Users;

namespace Workflow.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string[] Roles);

/// <summary>
/// The whole application on its own database: slice tests send commands through the real
/// MediatR pipeline (<see cref="Send{T}"/>), HTTP tests call the real endpoints (<see cref="Client"/>).
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string Password = "Password-123!";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly Dictionary<Guid, (string Token, DateTimeOffset IssuedAt)> _tokens = [];
    private WebApplicationFactory<Program>? _factory;
    private string? _database;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public EventLog Events { get; } = new();

    public string ConnectionString => TestDatabase.ConnectionString(_database!);

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Workflow", ConnectionString);
            web.UseSetting("Identity:PasswordHashIterations", "1000");
            // Hundreds of sign-ins from one address: the login rate limit is tested on its own fixture.
            web.UseSetting("Auth:LoginRateLimit:PermitLimit", "1000000");
            web.UseSetting("Database:MigrateOnStartup", "true");
            // The feed tests serve calendars from a local HTTP server.
            web.UseSetting("Calendars:AllowPrivateNetworks", "true");
            // No job server: jobs are scheduled in this database's Hangfire store and tests run what they need
            // (FireDueTimers, DeliverEmails) by hand, on the test clock; JobServerFixture turns a server on.
            web.UseSetting("Jobs:Server", "false");
            // Tests deploy the definitions they need; the shipped ones start on every expertise dossier.
            web.UseSetting("Workflows:DeployOnStartup", "false");
            if (Environment.GetEnvironmentVariable("WORKFLOW_TEST_SMTP") is { } smtp)
            {
                web.UseSetting("Smtp:Host", smtp.Split(':')[0]);
                web.UseSetting("Smtp:Port", smtp.Split(':')[1]);
                web.UseSetting("Smtp:From", "workflow@test.local");
            }
            // Last, so that a fixture can change any of the above (a mail server that is down).
            Configure(web);
            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(Events);
                services.AddTransient(typeof(INotificationHandler<>), typeof(RecordingHandler<>));
                services.AddTransient<INotificationHandler<Workflow.Application.Dossiers.DossierCreated>, CommitProbe>();
            });
        });
        if (ServesRealHttp)
        {
            // A real socket, for a browser: Kestrel on a free port of the loopback.
            _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = _factory.Server;
        }
    }

    /// <summary>For fixtures whose clients are real browsers: the application listens on Kestrel at <see cref="BaseAddress"/>.</summary>
    protected virtual bool ServesRealHttp => false;

    public Uri? BaseAddress { get; private set; }

    /// <summary>For fixtures that need the application set up differently.</summary>
    protected virtual void Configure(IWebHostBuilder web) { }

    /// <summary>Stops the application (its job server with it); the database stays until <see cref="DisposeAsync"/>.</summary>
    public async Task StopApplication()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        _factory = null;
    }

    public async Task DisposeAsync()
    {
        await StopApplication();
        if (_database is not null)
            await TestDatabase.Drop(_database);
    }

    /// <summary>Sends a command or query through the real pipeline, as <paramref name="user"/>.</summary>
    public async Task<T> Send<T>(IRequest<T> request, TestUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        current.Set(user.Id, user.Roles);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Runs the e-mail sweep once: sends every message due, to the SMTP sink scripts/test.sh starts.</summary>
    public async Task<int> DeliverEmails()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Workflow.Application.Notifications.EmailDispatcher>().DeliverDue(500, CancellationToken.None);
    }

    /// <summary>This database's Hangfire store.</summary>
    public JobStorage JobStorage => Services.GetRequiredService<JobStorage>();

    /// <summary>Runs a job here and now, as Hangfire's worker would: in a job scope of its own, as the workflow engine's user.</summary>
    public async Task RunJob<TJob>(Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateJobScope();
        await run(ActivatorUtilities.GetServiceOrCreateInstance<TJob>(scope.ServiceProvider));
    }

    /// <summary>The state Hangfire has the job in (Scheduled, Enqueued, Processing, Succeeded, Failed, Deleted), null if there is no such job.</summary>
    public string? JobState(string jobId)
    {
        using var connection = JobStorage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>The id of a job calling <paramref name="method"/> with this first argument, in whatever state Hangfire has it; null if none.</summary>
    public string? FindJob(string method, object firstArgument)
    {
        var monitoring = JobStorage.GetMonitoringApi();
        var argument = firstArgument.ToString();
        bool Calls(Hangfire.Common.Job? job) => job is not null && job.Method.Name == method && job.Args.Count > 0 && job.Args[0]?.ToString() == argument;
        return monitoring.EnqueuedJobs("default", 0, 1000).Where(j => Calls(j.Value.Job)).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Where(j => Calls(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.ScheduledJobs(0, 1000).Where(j => Calls(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.SucceededJobs(0, 1000).Where(j => Calls(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.FailedJobs(0, 1000).Where(j => Calls(j.Value.Job)).Select(j => j.Key))
            .FirstOrDefault();
    }

    public async Task<T> Query<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<TestUser> CreateUser(params string[] roles) => await CreateUser([], roles);

    public async Task<TestUser> CreateUser(string[] skills, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{(roles.FirstOrDefault() ?? "nobody")}-{Guid.NewGuid():N}@test.local";
        var user = new AppUser(email, $"Test {string.Join("+", roles)} {email[..12]}", "Europe/Brussels");
        user.SetSkills(skills);
        var created = await users.CreateAsync(user, Password);
        if (created.Succeeded && roles.Length > 0)
            created = await users.AddToRolesAsync(user, roles);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        return new TestUser(user.Id, email, roles);
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> with a bearer token, or anonymous.</summary>
    public async Task<HttpClient> Client(TestUser? user = null)
    {
        // On Kestrel (browser fixtures) the client must call the real address, not the in-memory server's default.
        var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress ?? new Uri("http://localhost") });
        if (user is null)
            return client;
        // Tokens live an hour of the test clock: a test that moves the clock gets a fresh one.
        var now = Clock.GetUtcNow();
        string token;
        lock (_tokens)
            token = _tokens.TryGetValue(user.Id, out var cached) && cached.IssuedAt <= now && now - cached.IssuedAt < TimeSpan.FromMinutes(30) ? cached.Token : "";
        if (token.Length == 0)
        {
            var response = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            lock (_tokens) _tokens[user.Id] = (token, now);
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
