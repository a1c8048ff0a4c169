using System.Text.Json;
using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class EffectSerialisationTests
{
    [Fact]
    public async Task Effects_serialise_with_a_type_and_come_back_as_the_same_records()
    {
        var harness = new Harness();
        var result = await harness.Start(Fixture.Load("boundary-timers.bpmn"));

        var json = JsonSerializer.Serialize(result.Effects, InstanceState.JsonOptions);
        var back = JsonSerializer.Deserialize<List<Effect>>(json, InstanceState.JsonOptions)!;

        json.ShouldContain("\"type\":\"user-task-created\"");
        json.ShouldContain("\"type\":\"timer-scheduled\"");
        back.ShouldBe(result.Effects);
    }

    [Fact]
    public async Task Host_can_choose_the_instance_id()
    {
        var id = Guid.NewGuid();

        var result = await new Harness().Engine.StartAsync(Fixture.Load("exclusive-gateway.bpmn"),
            new() { ["amount"] = 1 }, instanceId: id);

        result.State.Id.ShouldBe(id);
    }
}
