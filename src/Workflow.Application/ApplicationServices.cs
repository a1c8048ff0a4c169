using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Jobs;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application;

public static class ApplicationServices
{
    /// <summary>The connection string is read when the first context is made (ConnectionStrings:Workflow), so hosts and tests can set it late.</summary>
    public static IServiceCollection AddWorkflowApplication(this IServiceCollection services)
    {
        // Pooled: a request leases a context already built instead of assembling one (the model has some forty entity types).
        services.AddDbContextPool<AppDbContext>((sp, options) => AppDbContextOptions.Configure(options,
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Workflow")
            ?? throw new InvalidOperationException("ConnectionStrings:Workflow is not configured (see README, 'Configuration').")));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<BookingRules>();
        services.AddSingleton<FormDefinitions.FormCatalog>();
        services.AddScoped<FormDefinitions.PlanningChecks>();
        services.AddScoped<Notifications.EmailDispatcher>();
        services.TryAddSingleton<Calendars.IFeedFetcher, Calendars.HttpFeedFetcher>();
        services.TryAddSingleton<Notifications.IEmailTransport>(sp =>
            Notifications.SmtpSettings.Read(sp.GetRequiredService<IConfiguration>(),
                    sp.GetService<IHostEnvironment>() is { } env && (env.IsDevelopment() || env.IsEnvironment("Testing"))) is { } smtp
                ? new Notifications.SmtpTransport(smtp)
                : new Notifications.UnconfiguredTransport());
        services.AddSingleton<Workflows.DefinitionCache>();
        // Crash points do nothing here; the crash-safety tests' host replaces them.
        services.TryAddSingleton<ICrashPoints, NoCrashes>();
        services.AddScoped<Workflows.CommandRunner>();
        services.AddScoped<Workflows.WorkflowRuntime>();
        services.AddWorkflowJobs();
        services.AddMediatorFrom(typeof(ApplicationServices).Assembly);
        return services;
    }
}

public static class AppDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        // Migrations are EF's (dotnet ef migrations add): migrating refuses to run while the model has changes
        // no migration carries (EF's PendingModelChangesWarning is an error by default).
        options.UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));

    /// <summary>
    /// Defaults for a connection string that does not set them: statements used again and again are prepared
    /// once per connection (the server keeps the plan), and a connection going back to the pool is not
    /// reset with DISCARD ALL (the application sets no session state), one round trip less per use.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers for any keyword it knows; the plain builder says what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
            builder.MaxAutoPrepare = 100;
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static AppDbContext Create(string connectionString) =>
        new(Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options is DbContextOptions<AppDbContext> typed
            ? typed
            : throw new InvalidOperationException());
}
