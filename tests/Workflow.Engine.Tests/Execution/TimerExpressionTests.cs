using Workflow.Engine.State;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Execution;

public class TimerExpressionTests
{
    private readonly Harness harness = new();

    private static Workflow.Engine.Model.ProcessDefinition WithTimer(string text) =>
        Workflow.Engine.Reading.BpmnReader.Read(Fixture.Xml("event-based-gateway.bpmn").Replace(">PT1H<", $">{text}<")).Definition!;

    [Fact]
    public async Task Timer_given_as_an_expression_is_worked_out_from_the_variables()
    {
        var result = await harness.Start(WithTimer("=waitFor"), new { dossierId = "d-1", waitFor = "PT30M" });

        result.Single<TimerScheduled>().DueAt.ShouldBe(harness.Clock.Now.AddMinutes(30));
    }

    [Fact]
    public async Task Timer_expression_giving_no_iso_8601_value_raises_an_incident_and_leaves_no_wait()
    {
        var result = await harness.Start(WithTimer("=waitFor"), new { dossierId = "d-1", waitFor = "soon" });

        result.State.Incidents.Single().Error.ShouldContain("'soon'");
        result.State.Waits.ShouldBeEmpty();
    }

    [Fact]
    public void Timer_expression_with_bad_syntax_is_a_validation_error() =>
        Workflow.Engine.Validation.DefinitionValidator.Validate(WithTimer("=wait For(")).ShouldContain(e => e.Element == "OneHour" && e.Message.Contains("timer expression"));

    [Fact]
    public async Task Expressions_read_time_from_the_engine_clock()
    {
        var xml = Fixture.Xml("event-based-gateway.bpmn").Replace(
            "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT1H</bpmn:timeDuration>",
            "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=now()</bpmn:timeDate>");

        var result = await harness.Start(Workflow.Engine.Reading.BpmnReader.Read(xml).Definition!, new { dossierId = "d-1" });

        result.Single<TimerScheduled>().DueAt.ShouldBe(harness.Clock.Now);
    }
}
