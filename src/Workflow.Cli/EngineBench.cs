using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application;
using Workflow.Application.Workflows;
using Workflow.Engine.Execution;
using Workflow.Engine.State;
using Workflow.Engine.Validation;

namespace Workflow.Cli;

/// <summary>
/// <c>workflow bench engine</c>: instances per second for start → service task → exclusive gateway →
/// user task (completed) → end, in memory and, with a connection string, persisted on PostgreSQL the
/// way the application stores them (one transaction to start, one to complete, xmin checked).
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
        await Measure(output, "persisted on PostgreSQL", Math.Max(1, instances / 4), clients, async n =>
        {
            Guid id;
            await using (var db = AppDbContextOptions.Create(connectionString))
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var started = await engine.StartAsync(process, new JsonObject { ["n"] = n });
                var instance = WorkflowInstance.Start(definition, null, started);
                db.WorkflowInstances.Add(instance);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                id = instance.Id;
            }
            await using (var db = AppDbContextOptions.Create(connectionString))
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var instance = await db.WorkflowInstances.Include(i => i.Subscriptions).Include(i => i.Timers).SingleAsync(i => i.Id == id);
                var state = instance.ReadState();
                var done = await engine.CompleteUserTaskAsync(process, state, state.Waits[0].Id, new JsonObject { ["ok"] = true });
                instance.Apply(done.State, TimeProvider.System.GetUtcNow());
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                if (instance.Status != InstanceStatus.Completed)
                    throw new InvalidOperationException("the instance did not complete");
            }
        });
        return 0;
    }

    private static async Task Measure(TextWriter output, string what, int instances, int clients, Func<int, Task> one)
    {
        // Warm-up: JIT, Jint, connection pool.
        for (var i = 0; i < 200; i++)
            await one(i);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < instances)
                await one(next);
        })));
        watch.Stop();
        await output.WriteLineAsync($"{what}: {instances} instances, {clients} clients, {watch.Elapsed.TotalSeconds:F2} s, {instances / watch.Elapsed.TotalSeconds:F0} instances/s");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
    }
}
