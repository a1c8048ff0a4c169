using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Application.Common;

namespace Workflow.Application.Jobs;

/// <summary>
/// Hangfire on the application's own PostgreSQL database, in the schema "hangfire": every node that has the
/// application can schedule jobs, and every node with a job server (Jobs:Server, on by default) runs them, each
/// job once across the nodes. Each host has its own storage and activator (nothing in Hangfire's static
/// configuration), so several hosts in one process (the tests) each work on their own database.
/// </summary>
public static class JobHosting
{
    public const string Schema = "hangfire";

    /// <summary>Hangfire's client side: its storage, the job client, the recurring job manager and the activator every job runs under.</summary>
    public static IServiceCollection AddWorkflowJobs(this IServiceCollection services)
    {
        // Read when first needed, as the DbContext's connection string is, so hosts and tests can set it late.
        services.AddSingleton<JobStorage>(sp => Storage(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<JobActivator>(sp => new SystemJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) =>
        {
            HostsLogProvider.Instance.Add(sp.GetRequiredService<ILoggerFactory>());
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HostsLogProvider.Instance);
        });
        return services;
    }

    /// <summary>This node's job server, started and stopped with the host.</summary>
    public static IServiceCollection AddWorkflowJobServer(this IServiceCollection services) => services.AddHostedService<JobServer>();

    public static PostgreSqlStorage Storage(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Workflow")
                               ?? throw new InvalidOperationException("ConnectionStrings:Workflow is not configured (see README, 'Configuration').");
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            // Hangfire.PostgreSql installs and upgrades its own schema, under a lock, as its version needs; turned
            // off with the application's migrations (Database:MigrateOnStartup=false), when `workflow db migrate` does it.
            PrepareSchemaIfNecessary = configuration.GetValue("Database:MigrateOnStartup", true),
            // A worker waits for new jobs on LISTEN/NOTIFY; polling the queue is only the fallback.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:QueuePollSeconds", 15.0)),
            // A job whose node died is run again after this; the node running it keeps it for as long as it runs.
            InvisibilityTimeout = TimeSpan.FromSeconds(configuration.GetValue("Jobs:InvisibilityTimeoutSeconds", 300.0)),
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Installs or upgrades Hangfire's schema (what `workflow db migrate` does after the application's migrations).</summary>
    public static void Install(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        PostgreSqlObjectsInstaller.Install(connection, Schema);
    }

    /// <summary>A DI scope acting as the workflow engine's user: every job runs in one, and a job working item by item makes one per item.</summary>
    public static AsyncServiceScope CreateJobScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return scope;
    }
}

/// <summary>Each job gets a DI scope of its own, like a request, acting as the workflow engine's user.</summary>
internal sealed class SystemJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateJobScope());

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}

/// <summary>
/// This node's Hangfire server: its workers, the scheduler that queues delayed jobs when due (every
/// Jobs:SchedulePollingSeconds, 1 by default: a workflow timer fires within about a second of its time) and the
/// recurring jobs. Jobs:Server=false leaves a node without one: it still schedules jobs, for the others to run.
/// </summary>
internal sealed class JobServer(JobStorage storage, JobActivator activator, IRecurringJobManager recurring, IConfiguration configuration) : IHostedService
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Jobs:Server", true))
            return Task.CompletedTask;
        RecurringJobs.Register(recurring, configuration);
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = configuration.GetValue("Jobs:Workers", 4),
            SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:SchedulePollingSeconds", 1.0)),
            Activator = activator,
        }, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is not { } server)
            return;
        server.SendStop();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            // Also when the host's shutdown timeout ran out: Dispose waits for Hangfire's own shutdown, which removes this server's row.
            server.Dispose();
        }
    }
}
