using System.Collections.Specialized;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace Workflow.Application.Jobs;

/// <summary>
/// Quartz with its ADO job store on the application's PostgreSQL, clustered: timers survive
/// restarts and each fires on one node only. Quartz.Extensions.Hosting is not on the registry
/// here, so this small hosted service starts and stops the scheduler. Quartz:Enabled=false turns it off.
/// </summary>
public sealed class QuartzHostedService(IServiceProvider services, IConfiguration configuration, ILogger<QuartzHostedService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public IScheduler? Scheduler => _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Quartz:Enabled", true))
            return;
        var name = configuration["Quartz:SchedulerName"] ?? "workflow";
        // Quartz keeps data sources in a process-wide registry by name: each scheduler names its own.
        var dataSource = $"{name}-db";
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = name,
            ["quartz.scheduler.instanceId"] = "AUTO",
            ["quartz.threadPool.maxConcurrency"] = "4",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
            ["quartz.jobStore.tablePrefix"] = "qrtz_",
            ["quartz.jobStore.clustered"] = "true",
            ["quartz.jobStore.clusterCheckinInterval"] = "10000",
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.dataSource"] = dataSource,
            [$"quartz.dataSource.{dataSource}.provider"] = "Npgsql",
            [$"quartz.dataSource.{dataSource}.connectionString"] = configuration.GetConnectionString("Workflow"),
            ["quartz.serializer.type"] = typeof(JsonQuartzSerializer).AssemblyQualifiedName,
        };
        _scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        _scheduler.JobFactory = new ScopedJobFactory(services);
        await Schedule<SyncCalendarFeedsJob>(configuration.GetValue("Quartz:FeedsEverySeconds", 900), cancellationToken);
        await Schedule<SendDueRemindersJob>(configuration.GetValue("Quartz:RemindersEverySeconds", 300), cancellationToken);
        await Schedule<Workflows.WorkflowTimerSweepJob>(configuration.GetValue("Quartz:WorkflowSweepEverySeconds", 60), cancellationToken);
        // Each workflow timer gets its own one-shot trigger on this durable job.
        await _scheduler.AddJob(JobBuilder.Create<Workflows.WorkflowTimerJob>().WithIdentity(Workflows.WorkflowTimerScheduler.JobKey).StoreDurably().Build(),
            replace: true, cancellationToken);
        await _scheduler.Start(cancellationToken);
        logger.LogInformation("Quartz started (clustered, PostgreSQL job store)");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    private async Task Schedule<TJob>(int everySeconds, CancellationToken cancellationToken) where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name, "workflow");
        var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
        // Configurable so that tests driving triggers by hand do not race a sweep run at start-up.
        var firstAfter = configuration.GetValue("Quartz:PeriodicJobsFirstRunAfterSeconds", 0);
        var trigger = TriggerBuilder.Create().WithIdentity(typeof(TJob).Name, "workflow").ForJob(key)
            .StartAt(DateBuilder.FutureDate(Math.Max(0, firstAfter), IntervalUnit.Second))
            .WithSimpleSchedule(s => s.WithIntervalInSeconds(Math.Max(1, everySeconds)).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();
        // Replacing keeps one definition however many nodes start, and picks up a changed interval.
        await _scheduler!.ScheduleJob(job, [trigger], replace: true, cancellationToken);
    }
}

/// <summary>Each job runs in its own DI scope, like a request.</summary>
internal sealed class ScopedJobFactory(IServiceProvider services) : IJobFactory
{
    private readonly Dictionary<IJob, IServiceScope> _scopes = [];

    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = services.CreateScope();
        var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        lock (_scopes) _scopes[job] = scope;
        return job;
    }

    public void ReturnJob(IJob job)
    {
        lock (_scopes)
        {
            if (_scopes.Remove(job, out var scope))
                scope.Dispose();
        }
    }
}

/// <summary>
/// Quartz's JSON serializer package is not on the registry here and binary serialization is gone
/// from .NET: job data is stored as string properties (useProperties), and this serializer writes
/// the little that remains as JSON.
/// </summary>
public sealed class JsonQuartzSerializer : IObjectSerializer
{
    public void Initialize() { }

    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        JobDataMap map => JsonSerializer.SerializeToUtf8Bytes(map.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())),
        // With useProperties, job data (a workflow timer's instance and wait ids) reaches the store as a NameValueCollection.
        NameValueCollection properties => JsonSerializer.SerializeToUtf8Bytes(properties.AllKeys.OfType<string>().ToDictionary(k => k, k => properties[k])),
        _ => throw new InvalidOperationException($"Quartz asked to store a {obj.GetType().Name}; only job data is stored by this application."),
    };

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T) == typeof(NameValueCollection))
        {
            var properties = new NameValueCollection();
            foreach (var (key, value) in values)
                properties[key] = value;
            return (T)(object)properties;
        }
        if (typeof(T) != typeof(JobDataMap))
            throw new InvalidOperationException($"Quartz asked to read a {typeof(T).Name}; only job data is stored by this application.");
        return (T)(object)new JobDataMap((IDictionary<string, object>)values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => (object)kv.Value!));
    }
}
