namespace Workflow.Tests.Workflows;

/// <summary>Small BPMN 2.0 documents for the tests, in the shape bpmn-js saves (without the diagram, which the engine does not need).</summary>
public static class Bpmn
{
    public static string Process(string id, string body, string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{id}" name="{id}" isExecutable="true">
        {body}
          </bpmn:process>
        {extra}
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>
    /// On a dossier of the given kind: a review task for the referent; approved ends, otherwise the
    /// instance waits for the dossier to be closed.
    /// </summary>
    public static string Review(string key, string kind, string taskName = "Review") => Process(key, $"""
            <bpmn:startEvent id="Created">
              <bpmn:extensionElements><wf:message eventType="DossierCreated" condition="event.kind === '{kind}'" /></bpmn:extensionElements>
              <bpmn:outgoing>F1</bpmn:outgoing>
              <bpmn:messageEventDefinition id="MED1" messageRef="Msg_Created" />
            </bpmn:startEvent>
            <bpmn:userTask id="{taskName}" name="Review the dossier">
              <bpmn:extensionElements><wf:taskDefinition formKey="expertise-report" assignee="=referentId" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:exclusiveGateway id="Approved" default="F4"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F4</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:endEvent id="Done"><bpmn:incoming>F3</bpmn:incoming><bpmn:incoming>F6</bpmn:incoming></bpmn:endEvent>
            <bpmn:intermediateCatchEvent id="Closed">
              <bpmn:extensionElements><wf:message eventType="DossierClosed" /></bpmn:extensionElements>
              <bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing>
              <bpmn:messageEventDefinition id="MED2" messageRef="Msg_Closed" />
            </bpmn:intermediateCatchEvent>
            {Flow("F1", "Created", taskName)}
            {Flow("F2", taskName, "Approved")}
            {Flow("F3", "Approved", "Done", "approved === true")}
            {Flow("F4", "Approved", "Closed")}
            {Flow("F6", "Closed", "Done")}
        """, """
          <bpmn:message id="Msg_Created" name="DossierCreated" />
          <bpmn:message id="Msg_Closed" name="DossierClosed" />
        """);

    /// <summary>Started by hand: one service task sending a real command, then the end.</summary>
    public static string Service(string key, string command, string inputs, string outputs = "", int retries = 3, string before = "") => Process(key, $"""
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            {before}
            <bpmn:serviceTask id="Act">
              <bpmn:extensionElements>
                <wf:command name="{command}" retries="{retries}" retryBackoff="PT1M" />
                {inputs}
                {outputs}
              </bpmn:extensionElements>
              <bpmn:incoming>{(before == "" ? "F1" : "F0")}</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            {(before == "" ? Flow("F1", "Start", "Act") : "")}
            {Flow("F2", "Act", "End")}
        """);

    /// <summary>Waits for a timer, then creates a task on the dossier through a service task.</summary>
    public static string Timer(string key, string duration) => Service(key, "Tasks.CreateTask",
        """<wf:input target="dossierId" expression="dossierId" /><wf:input target="title" expression="'After the timer'" /><wf:input target="candidateRole" expression="'planner'" />""",
        before: $"""
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F0</bpmn:outgoing>
              <bpmn:timerEventDefinition id="TED"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            {Flow("F1", "Start", "Wait")}
            {Flow("F0", "Wait", "Act")}
        """);
}
