using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>
/// The web host runs as a child process and is killed at a chosen crash point (<see cref="CrashPoint"/>), then
/// started again: nothing is lost and nothing is done twice.
/// </summary>
public sealed class CrashSafetyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string TwoSteps = """
        <wf:input target="dossierId" expression="dossierId" /><wf:input target="title" expression="'First step'" /><wf:input target="candidateRole" expression="'planner'" />
        """;

    private static async Task<HttpClient> SignIn(WebProcess web, TestUser user)
    {
        var http = new HttpClient { BaseAddress = web.Address };
        var login = await http.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AppFixture.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task A_crash_between_two_service_tasks_leaves_nothing_and_the_restarted_run_does_each_step_once()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        var second = """<bpmn:serviceTask id="Second"><bpmn:extensionElements><wf:command name="Tasks.CreateTask" /><wf:input target="dossierId" expression="dossierId" /><wf:input target="title" expression="'Second step'" /><wf:input target="candidateRole" expression="'planner'" /></bpmn:extensionElements><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:serviceTask>""";
        var xml = Bpmn.Service("two-steps", "Tasks.CreateTask", TwoSteps)
            .Replace("""<bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming>""", second + """<bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming>""")
            .Replace("""<bpmn:sequenceFlow id="F2" sourceRef="Act" targetRef="End" />""", """<bpmn:sequenceFlow id="F2" sourceRef="Act" targetRef="Second" /><bpmn:sequenceFlow id="F3" sourceRef="Second" targetRef="End" />""");
        await app.Send(new DeployDefinition.Command(xml, Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Crash", "crash", planner.Id), planner);

        await using (var doomed = await WebProcess.Start(app.ConnectionString, new Dictionary<string, string> { ["CrashAt"] = CrashPoint.AfterCommand }))
        {
            var http = await SignIn(doomed, planner);
            await Should.ThrowAsync<HttpRequestException>(() => http.PostAsJsonAsync("/workflows/definitions/two-steps/start", new { dossierId = dossier.Id }));
            (await doomed.WaitForExit(TimeSpan.FromSeconds(30))).ShouldBeTrue("the process died at the crash point");
        }
        (await app.Query(db => db.WorkflowInstances.CountAsync(i => i.DossierId == dossier.Id))).ShouldBe(0);
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id))).ShouldBe(0, "the first step rolled back with the instance");

        await using (var restarted = await WebProcess.Start(app.ConnectionString, new Dictionary<string, string>()))
        {
            var http = await SignIn(restarted, planner);
            var response = await http.PostAsJsonAsync("/workflows/definitions/two-steps/start", new { dossierId = dossier.Id });
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == dossier.Id))).Status.ShouldBe(InstanceStatus.Completed);
        (await app.Query(db => db.Tasks.Where(t => t.DossierId == dossier.Id).Select(t => t.Title).OrderBy(t => t).ToListAsync()))
            .ShouldBe(["First step", "Second step"]);
    }

    [Fact]
    public async Task A_crash_after_the_commit_before_the_timers_job_loses_no_timer()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("crash-timer", "PT1S"), Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Crash timer", "crash", planner.Id), planner);

        await using (var doomed = await WebProcess.Start(app.ConnectionString, new Dictionary<string, string> { ["CrashAt"] = CrashPoint.BeforeTimerJob }))
        {
            var http = await SignIn(doomed, planner);
            await Should.ThrowAsync<HttpRequestException>(() => http.PostAsJsonAsync("/workflows/definitions/crash-timer/start", new { dossierId = dossier.Id }));
            (await doomed.WaitForExit(TimeSpan.FromSeconds(30))).ShouldBeTrue();
        }
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == dossier.Id));
        instance.Status.ShouldBe(InstanceStatus.Running, "the start committed before the crash");
        (await app.Query(db => db.WorkflowTimers.SingleAsync(t => t.InstanceId == instance.Id))).JobId.ShouldBeNull("the job was never scheduled");
        app.JobStorage.GetMonitoringApi().ScheduledCount().ShouldBe(0);

        // Restarted with its job server, which sweeps every second here (every minute by default).
        await using (await WebProcess.Start(app.ConnectionString, new Dictionary<string, string>
               { ["Jobs:Server"] = "true", ["Jobs:Cron:WorkflowSweep"] = "* * * * * *" }))
        {
            await Eventually.Until(async () => await app.Query(db => db.WorkflowInstances.Where(i => i.Id == instance.Id).Select(i => i.Status).SingleAsync()) != InstanceStatus.Running,
                TimeSpan.FromSeconds(60), "The sweep firing the timer");
        }
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id && t.Title == "After the timer"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_node_dying_after_a_timer_fired_before_its_job_was_recorded_as_done_does_not_fire_it_twice()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new DeployDefinition.Command(Bpmn.Timer("crash-firing", "PT1S"), Publish: true), designer);
        var dossier = await app.Send(new CreateDossier.Command("Crash while firing", "crash", planner.Id), planner);

        await using (var doomed = await WebProcess.Start(app.ConnectionString, new Dictionary<string, string>
               { ["Jobs:Server"] = "true", ["CrashAt"] = CrashPoint.AfterTimerFired }))
        {
            var http = await SignIn(doomed, planner);
            (await http.PostAsJsonAsync("/workflows/definitions/crash-firing/start", new { dossierId = dossier.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await doomed.WaitForExit(TimeSpan.FromSeconds(60))).ShouldBeTrue("the process died once the timer had fired");
        }
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == dossier.Id));
        instance.Status.ShouldBe(InstanceStatus.Completed, "the step committed before the crash");
        var monitoring = app.JobStorage.GetMonitoringApi();
        // The timer's job was left processing by the dead node (a recurring sweep may have been caught running beside it).
        var orphan = monitoring.ProcessingJobs(0, 10).Where(j => j.Value.Job?.Type == typeof(WorkflowTimerJob)).ShouldHaveSingleItem().Key;

        // Restarted: Hangfire gives the dead node's job to a live one after the invisibility timeout (5 minutes by default).
        await using (await WebProcess.Start(app.ConnectionString, new Dictionary<string, string>
               { ["Jobs:Server"] = "true", ["Jobs:InvisibilityTimeoutSeconds"] = "2", ["Jobs:QueuePollSeconds"] = "1" }))
        {
            await Eventually.Until(() => Task.FromResult(app.JobState(orphan) == SucceededState.StateName), TimeSpan.FromSeconds(60), "The orphaned job running again");
        }
        monitoring.JobDetails(orphan).History.Count(h => h.StateName == ProcessingState.StateName).ShouldBe(2, "it ran once on each node");
        (await app.Query(db => db.Tasks.CountAsync(t => t.DossierId == dossier.Id && t.Title == "After the timer"))).ShouldBe(1, "the step after the timer ran once");
        (await Journal.Of(app, instance.Id)).Count(j => j.ElementId == "Act" && j.Kind == JournalKind.Entered).ShouldBe(1);
    }
}
