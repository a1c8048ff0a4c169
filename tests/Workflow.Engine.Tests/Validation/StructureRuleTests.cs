using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

/// <summary>Rules shown by changing one thing in an otherwise valid fixture.</summary>
public class StructureRuleTests
{
    private static IReadOnlyList<Workflow.Engine.Model.ValidationError> ErrorsAfter(string fixture, string from, string to)
    {
        var xml = Fixture.Xml(fixture);
        xml.ShouldContain(from);
        return DefinitionValidator.Validate(xml.Replace(from, to)).Errors;
    }

    [Fact]
    public void Timer_boundary_on_a_service_task_is_an_error() =>
        ErrorsAfter("boundary-timers.bpmn", "attachedToRef=\"Plan\"", "attachedToRef=\"SendReminder\"")
            .ShouldContain(e => e.Element == "Escalate" && e.Message.Contains("user task or a sub-process"));

    [Fact]
    public void Error_boundary_on_a_user_task_is_an_error() =>
        ErrorsAfter("service-task.bpmn", "attachedToRef=\"Book\"", "attachedToRef=\"HandleRefusal\"")
            .ShouldContain(e => e.Element == "Refused" && e.Message.Contains("service task or a sub-process"));

    [Fact]
    public void Default_flow_that_does_not_leave_the_gateway_is_an_error() =>
        ErrorsAfter("exclusive-gateway.bpmn", "default=\"Flow_Small\"", "default=\"Flow_1\"")
            .ShouldContain(e => e.Element == "Amount" && e.Message.Contains("does not leave"));

    [Fact]
    public void Condition_on_a_flow_from_a_task_is_an_error() =>
        ErrorsAfter("exclusive-gateway.bpmn", "sourceRef=\"Amount\" targetRef=\"Big\"", "sourceRef=\"StartEvent_1\" targetRef=\"Big\"")
            .ShouldContain(e => e.Element == "Flow_Big" && e.Message.Contains("only flows leaving an exclusive gateway"));

    [Fact]
    public void Event_based_gateway_leading_to_a_task_is_an_error() =>
        ErrorsAfter("event-based-gateway.bpmn", "sourceRef=\"WhatFirst\" targetRef=\"OneHour\"", "sourceRef=\"WhatFirst\" targetRef=\"Done\"")
            .ShouldContain(e => e.Element == "Flow_3" && e.Message.Contains("event-based gateway"));

    [Fact]
    public void Multi_instance_activity_is_an_error() =>
        ErrorsAfter("user-task.bpmn", "<bpmn:incoming>Flow_1</bpmn:incoming>", "<bpmn:incoming>Flow_1</bpmn:incoming><bpmn:multiInstanceLoopCharacteristics />")
            .ShouldContain(e => e.Element == "Plan" && e.Message.Contains("multiInstanceLoopCharacteristics"));

    [Fact]
    public void Duplicate_ids_are_an_error() =>
        ErrorsAfter("user-task.bpmn", "<bpmn:endEvent id=\"EndEvent_1\">", "<bpmn:endEvent id=\"Plan\">")
            .ShouldContain(e => e.Element == "Plan" && e.Message.Contains("more than one element"));

    [Fact]
    public void Task_without_outgoing_flow_is_an_error() =>
        ErrorsAfter("user-task.bpmn", "sourceRef=\"Plan\" targetRef=\"EndEvent_1\"", "sourceRef=\"StartEvent_1\" targetRef=\"EndEvent_1\"")
            .ShouldContain(e => e.Element == "Plan" && e.Message.Contains("no outgoing flow"));

    [Fact]
    public void Message_collaboration_flows_are_an_error() =>
        ErrorsAfter("user-task.bpmn", "<bpmndi:BPMNDiagram", "<bpmn:collaboration id=\"C\"><bpmn:messageFlow id=\"MF\" sourceRef=\"Plan\" targetRef=\"Plan\" /></bpmn:collaboration><bpmndi:BPMNDiagram")
            .ShouldContain(e => e.Element == "MF" && e.Message.Contains("messageFlow"));

    [Fact]
    public void Expression_in_an_assignee_is_syntax_checked() =>
        ErrorsAfter("user-task.bpmn", "assignee=\"=referentId\"", "assignee=\"=referent Id(\"")
            .ShouldContain(e => e.Element == "Plan" && e.Message.Contains("assignee"));

    [Fact]
    public void Condition_in_another_language_is_an_error() =>
        ErrorsAfter("exclusive-gateway.bpmn", "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">amount &gt; 1000",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">amount &gt; 1000")
            .ShouldContain(e => e.Element == "Flow_Big" && e.Message.Contains("groovy"));
}
