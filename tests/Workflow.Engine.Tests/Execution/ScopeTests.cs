using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class ScopeTests
{
    private readonly Harness harness = new();

    [Fact]
    public async Task Sub_process_runs_its_inside_and_then_continues()
    {
        var definition = Fixture.Load("sub-process.bpmn");
        var started = await harness.Start(definition, new { possible = true });
        started.State.TokenElements().ShouldBe(["Inner", "Planning"]);
        var inner = started.State.Tokens.Single(t => t.ElementId == "Inner");
        inner.ScopeId.ShouldBe(started.State.Tokens.Single(t => t.ElementId == "Planning").Id);

        var result = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.WaitOn("Inner").Id);

        result.State.TokenElements().ShouldBe(["After"]);
        result.State.Passed("SubEnd").ShouldBeTrue();
    }

    [Fact]
    public async Task Error_end_inside_a_sub_process_is_caught_by_its_error_boundary()
    {
        var definition = Fixture.Load("sub-process.bpmn");
        var started = await harness.Start(definition, new { possible = false });

        var result = await harness.Engine.CompleteUserTaskAsync(definition, started.State, started.State.WaitOn("Inner").Id);

        result.State.TokenElements().ShouldBe(["Recover"]);
        result.State.Passed("After").ShouldBeFalse();
    }

    [Fact]
    public async Task Terminate_end_ends_the_instance_and_withdraws_other_branches()
    {
        var result = await harness.Start(Fixture.Load("terminate.bpmn"));

        result.State.Status.ShouldBe(InstanceStatus.Terminated);
        result.State.Tokens.ShouldBeEmpty();
        result.State.Waits.ShouldBeEmpty();
        var created = result.Single<UserTaskCreated>();
        result.Single<WaitCancelled>().WaitId.ShouldBe(created.WaitId);
    }

    [Fact]
    public async Task Uncaught_error_end_fails_the_instance()
    {
        var result = await harness.Start(Fixture.Load("error-end.bpmn"));

        result.State.Status.ShouldBe(InstanceStatus.Failed);
        result.Single<InstanceEnded>().Reason!.ShouldContain("BROKEN");
    }

    [Fact]
    public async Task Timer_boundary_on_a_sub_process_ends_everything_inside_it()
    {
        var definition = Fixture.Load("sub-process.bpmn");
        var started = await harness.Start(definition, new { possible = true });
        var inner = started.State.WaitOn("Inner");

        var result = await harness.Engine.FireTimerAsync(definition, started.State, started.State.WaitOn("TooLong").Id);

        result.Effects.OfType<WaitCancelled>().Select(c => c.WaitId).ShouldContain(inner.Id);
        result.State.Passed("GaveUp").ShouldBeTrue();
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Terminate_inside_a_sub_process_ends_only_the_sub_process()
    {
        var result = await harness.Start(Fixture.Load("sub-process-terminate.bpmn"));

        result.State.Status.ShouldBe(InstanceStatus.Running);
        result.State.TokenElements().ShouldBe(["AfterInside"]);
        result.Effects.OfType<WaitCancelled>().ShouldContain(c => c.ElementId == "Pending");
        result.State.Passed("PendingEnd").ShouldBeFalse();
    }
}
