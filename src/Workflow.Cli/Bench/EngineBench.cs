using System.Diagnostics;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflow.Application;
using Workflow.Application.Common;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Persistence;
using Workflow.Application.Workflows;
using Workflow.Engine.Execution;
using Workflow.Engine.State;
using Workflow.Engine.Validation;

namespace Workflow.Cli.Bench;

/// <summary>
/// <c>workflow bench engine</c>: instances per second for start → service task → exclusive gateway →
/// user task (completed) → end, in memory and, with a connection string, persisted on PostgreSQL the
/// way the application stores them (one transaction to start, one to complete, xmin checked), then
/// through the whole application: MediatR commands with validation, the unit of work, a real
/// service-task command and real task rows.
/// </summary>
internal static class EngineBench
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Score"><bpmn:extensionElements><wf:command name="Bench.Score" /><wf:input target="n" expression="n" /><wf:output target="score" expression="result.score" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="High" default="F4"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F4</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:userTask id="Review"><bpmn:extensionElements><wf:taskDefinition formKey="expertise-report" candidateRole="planner" /></bpmn:extensionElements>
              <bpmn:incoming>F3</bpmn:incoming><bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F5</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Score" />
            <bpmn:sequenceFlow id="F2" sourceRef="Score" targetRef="High" />
            <bpmn:sequenceFlow id="F3" sourceRef="High" targetRef="Review"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">score &gt; 5</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F4" sourceRef="High" targetRef="Review" />
            <bpmn:sequenceFlow id="F5" sourceRef="Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The same shape for the application: the service task is a real command (it adds a note task to the dossier).</summary>
    private const string AppXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_bench_app" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench-app" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Note"><bpmn:extensionElements><wf:command name="Tasks.CreateTask" /><wf:input target="dossierId" expression="dossierId" /><wf:input target="title" expression="'Bench note ' + n" /><wf:input target="candidateRole" expression="'planner'" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="High" default="F4"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F4</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:userTask id="Review" name="Review"><bpmn:extensionElements><wf:taskDefinition formKey="bench-review" candidateRole="admin" /></bpmn:extensionElements>
              <bpmn:incoming>F3</bpmn:incoming><bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F5</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Note" />
            <bpmn:sequenceFlow id="F2" sourceRef="Note" targetRef="High" />
            <bpmn:sequenceFlow id="F3" sourceRef="High" targetRef="Review"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">n % 10 &gt; 5 &amp;&amp; !dossier.urgent</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F4" sourceRef="High" targetRef="Review" />
            <bpmn:sequenceFlow id="F5" sourceRef="Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private sealed class ScoreRunner : ICommandRunner
    {
        public Task<CommandOutcome> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CommandOutcome.Success(new JsonObject { ["score"] = (request.Input["n"]?.GetValue<int>() ?? 0) % 10 }));
    }

    public static async Task<int> Run(string[] args, string? connectionString, TextWriter output)
    {
        var instances = Option(args, "--instances", 20_000);
        var clients = Option(args, "--clients", Environment.ProcessorCount);
        var report = DefinitionValidator.Validate(Xml, Catalogue.None);
        var process = report.Definition!;
        var engine = new WorkflowEngine(new ScoreRunner(), TimeProvider.System);

        await Measure(output, "in memory", instances, clients, async n =>
        {
            var started = await engine.StartAsync(process, new JsonObject { ["n"] = n });
            var state = InstanceState.FromJson(started.State.ToJson());
            var done = await engine.CompleteUserTaskAsync(process, state, state.Waits[0].Id, new JsonObject { ["ok"] = true });
            if (done.State.Status != InstanceStatus.Completed)
                throw new InvalidOperationException("the instance did not complete");
        });

        if (string.IsNullOrWhiteSpace(connectionString))
            return 0;
        await using (var setup = AppDbContextOptions.Create(connectionString))
        {
            await setup.Database.MigrateAsync();
        }
        var definition = WorkflowDefinition.Create("bench", 1, null, Xml, process.ContentHash, null, TimeProvider.System.GetUtcNow());
        await using (var db = AppDbContextOptions.Create(connectionString))
        {
            definition = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Key == "bench") ?? definition;
            if (db.Entry(definition).State == EntityState.Detached)
                db.WorkflowDefinitions.Add(definition);
            await db.SaveChangesAsync();
        }
        // Pooled contexts, as the application leases them (AddDbContextPool).
        var contexts = new PooledDbContextFactory<AppDbContext>(
            (DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options);
        await Measure(output, "persisted on PostgreSQL", instances, clients, async n =>
        {
            Guid id;
            await using (var db = contexts.CreateDbContext())
            await using (var tx = await BeginAsUnitOfWork(db))
            {
                var started = await engine.StartAsync(process, new JsonObject { ["n"] = n });
                var instance = WorkflowInstance.Start(definition, null, started);
                db.WorkflowInstances.Add(instance);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                id = instance.Id;
            }
            await using (var db = contexts.CreateDbContext())
            await using (var tx = await BeginAsUnitOfWork(db))
            {
                var instance = await db.WorkflowInstances.WithWaits().SingleAsync(i => i.Id == id);
                var state = instance.ReadState();
                var done = await engine.CompleteUserTaskAsync(process, state, state.Waits[0].Id, new JsonObject { ["ok"] = true });
                instance.Apply(done.State, TimeProvider.System.GetUtcNow());
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                if (instance.Status != InstanceStatus.Completed)
                    throw new InvalidOperationException("the instance did not complete");
            }
        });

        await MeasureApplication(connectionString, Math.Max(1, instances / 4), clients, output);
        return 0;
    }

    /// <summary>As UnitOfWorkBehavior does on a leased context: one transaction, no savepoint around each save.</summary>
    private static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsUnitOfWork(AppDbContext db)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync();
    }

    /// <summary>
    /// Each instance is two commands through MediatR as an admin would send them: StartInstance (the service
    /// task adds a note task, the user task makes a task row) and SubmitTaskForm on the user task's row (the
    /// form validated), whose event resumes the instance to its end in the same transaction; between them
    /// the task is looked up, and at the end the instance's status is read back.
    /// </summary>
    private static async Task MeasureApplication(string connectionString, int instances, int clients, TextWriter output)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workflow"] = connectionString }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWorkflowApplication().BuildServiceProvider();
        var (admin, dossiers) = await ApplicationData(connectionString);
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(admin, [Roles.Admin]);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new ImportForm.Command("bench-review", ReviewForm));
            await mediator.Send(new DeployDefinition.Command(AppXml, Publish: true));
        }
        async Task<T> Send<T>(Func<IMediator, AppDbContext, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(admin, [Roles.Admin]);
            return await action(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
        await Measure(output, "through the application", instances, clients, async n =>
        {
            var started = await Send((m, _) => m.Send(new StartInstance.Command("bench-app", dossiers[(n & int.MaxValue) % dossiers.Count], null, new JsonObject { ["n"] = n })));
            var taskId = await Send((_, db) => db.Tasks.Where(t => t.WorkflowInstanceId == started.Id && t.WorkflowElementId == "Review").Select(t => t.Id).SingleAsync());
            await Send((m, _) => m.Send(new SubmitTaskForm.Command(taskId, new JsonObject { ["approved"] = true, ["comment"] = $"Looked at {n}" })));
            var status = await Send((_, db) => db.WorkflowInstances.Where(i => i.Id == started.Id).Select(i => i.Status).SingleAsync());
            if (status != InstanceStatus.Completed)
                throw new InvalidOperationException($"instance {started.Id} is {status}, not completed");
        });
    }

    private static JsonObject ReviewForm => new()
    {
        ["components"] = new JsonArray(
            new JsonObject { ["type"] = "checkbox", ["key"] = "approved", ["label"] = "Approved", ["input"] = true, ["validate"] = new JsonObject { ["required"] = true } },
            new JsonObject { ["type"] = "textarea", ["key"] = "comment", ["label"] = "Comment", ["input"] = true, ["validate"] = new JsonObject { ["maxLength"] = 500 } }),
    };

    /// <summary>An admin and 100 dossiers, written directly (the bench times workflows, not sign-up).</summary>
    private static async Task<(Guid Admin, List<Guid> Dossiers)> ApplicationData(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var admin = Guid.CreateVersion7();
        var email = $"bench-{admin:N}@bench.local";
        await using (var command = source.CreateCommand("""
            INSERT INTO users (id, full_name, skills, time_zone, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                               security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ($1, 'Bench Admin', '{}', 'Europe/Brussels', $2, upper($2), $2, upper($2), true, 'stamp', 'stamp', false, false, true, 0)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = admin });
            command.Parameters.Add(new NpgsqlParameter { Value = email });
            await command.ExecuteNonQueryAsync();
        }
        var dossiers = Enumerable.Range(0, 100).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var command = source.CreateCommand("""
            INSERT INTO dossiers (id, reference, title, kind, status, required_skills, urgent, confidential, referent_id, created_at, created_by_id)
            SELECT id, 'BENCH-' || id::text, 'Bench dossier ' || ord, 'bench', 'open', '{}', false, false, $2, now(), $2
            FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, ord)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = dossiers.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = admin });
            await command.ExecuteNonQueryAsync();
        }
        return (admin, dossiers);
    }

    private static async Task Measure(TextWriter output, string what, int instances, int clients, Func<int, Task> one)
    {
        // Warm-up (JIT, Jint, connection pool): as many instances as are timed, run the same way, and at least 2 s.
        // Tiered compilation and dynamic PGO reach their final code after tens of thousands of instances; on a busy
        // machine, whose background compiler waits its turn, a fixed two seconds ended long before that.
        var warmUp = Stopwatch.StartNew();
        for (var round = 0; round == 0 || warmUp.Elapsed < TimeSpan.FromSeconds(2); round++)
        {
            var first = round * instances;
            await Clients(clients, instances, i => one(-1 - first - i));
        }
        var cpu = CpuTime();
        var watch = Stopwatch.StartNew();
        await Clients(clients, instances, one);
        watch.Stop();
        // The process's CPU time too: on a shared machine it moves far less than the wall clock.
        var used = CpuTime() - cpu;
        await output.WriteLineAsync($"{what}: {instances} instances, {clients} clients, {watch.Elapsed.TotalSeconds:F2} s, {instances / watch.Elapsed.TotalSeconds:F0} instances/s, " +
                                    $"{used.TotalMilliseconds * 1000 / instances:F0} µs CPU each");
    }

    private static Task Clients(int clients, int instances, Func<int, Task> one)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < instances)
                await one(n);
        })));
    }

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
    }
}
