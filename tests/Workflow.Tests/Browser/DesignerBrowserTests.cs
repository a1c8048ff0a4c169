using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The designer page in a real browser: the real bpmn-js modeler with our wf extension, saving through the deploy API.</summary>
public sealed class DesignerBrowserTests(ShippedWorkflowsBrowserFixture app) : IClassFixture<ShippedWorkflowsBrowserFixture>
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Wf = "http://workflow.example/schema/bpmn";

    [Fact]
    public async Task A_designer_changes_a_form_key_saves_a_draft_sees_the_problems_of_a_broken_diagram_on_the_canvas_and_publishes()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var session = await DesignerSession.SignIn(app, designer);
        var (context, page) = (session.Context, session.Page);
        // The API as the signed-in designer, with the page's cookie.
        var api = context.APIRequest;

        // The shipped definition, published at start-up, opens in the modeler.
        var expertiseRow = page.Locator("#definitions tr[data-key='expertise']");
        await Expect(expertiseRow.Locator(".published")).ToHaveTextAsync("v1");
        await expertiseRow.GetByRole(AriaRole.Button, new() { Name = "expertise" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("expertise v1 opened.");
        foreach (var id in new[] { "ExpertiseDossierCreated", "PlanAppointment", "BookAppointment", "AppointmentOutcome", "Flow_Book", "ReportWritten" })
            await Expect(page.Locator($".djs-element[data-element-id='{id}']")).ToHaveCountAsync(1);

        // A user task's form key, changed through the panel, and saved as a new draft.
        await ClickShape(page, "PlanAppointment");
        var panel = page.Locator("#properties");
        var elementId = panel.GetByLabel("Id", new() { Exact = true });
        await Expect(elementId).ToHaveValueAsync("PlanAppointment");
        var formKey = panel.GetByLabel("Form", new() { Exact = true });
        await Expect(formKey).ToHaveValueAsync("plan-appointment");
        // The bpmn.io watermark stays (bpmn-js's licence).
        await Expect(page.Locator("#canvas .bjs-powered-by")).ToBeVisibleAsync();
        await session.App.Screenshot("designer-expertise");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        await formKey.SelectOptionAsync("first-meeting");
        await Expect(formKey).ToHaveValueAsync("first-meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 2 saved as draft");
        await Expect(page.Locator("#history tr[data-version='2'] .status")).ToHaveTextAsync("draft");
        await Expect(page.Locator("#history tr[data-version='1'] .status")).ToHaveTextAsync("published");

        var saved = XDocument.Parse(await (await api.GetAsync("/workflows/definitions/expertise/versions/2/xml")).TextAsync());
        TaskDefinitionOf(saved, "PlanAppointment").Attribute("formKey")!.Value.ShouldBe("first-meeting");
        TaskDefinitionOf(saved, "PlanAppointmentEscalated").Attribute("formKey")!.Value.ShouldBe("plan-appointment");
        // Everything else bpmn-js wrote back is what the engine executed before: only that task changed.
        var diff = (await (await api.GetAsync("/workflows/definitions/expertise/diff?from=1&to=2")).JsonAsync())!.Value;
        diff.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(["PlanAppointment"]);
        diff.GetProperty("added").GetArrayLength().ShouldBe(0);
        diff.GetProperty("removed").GetArrayLength().ShouldBe(0);

        // A service task without a command: the save is refused, the problem names it and marks it on the canvas.
        await ClickShape(page, "BookAppointment");
        await panel.GetByLabel("Command", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var problem = page.Locator("#problems li[data-element='BookAppointment']");
        await Expect(problem).ToContainTextAsync("names no command");
        await Expect(page.Locator("#status")).ToContainTextAsync("nothing was saved");
        await Expect(page.Locator(".djs-element[data-element-id='BookAppointment']")).ToHaveClassAsync(new Regex(@"\bwf-error\b"));
        await Expect(page.Locator(".wf-error-overlay")).ToContainTextAsync("names no command");
        await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
        await session.App.Screenshot("designer-refused-save");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        (await app.Query(db => db.WorkflowDefinitions.CountAsync(d => d.Key == "expertise"))).ShouldBe(2);
        // Clicking the problem selects its element.
        await ClickShape(page, "WriteReport");
        await Expect(elementId).ToHaveValueAsync("WriteReport");
        await problem.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(elementId).ToHaveValueAsync("BookAppointment");
        // Leaving the unsaved diagram asks first; declining keeps it.
        await page.Locator("#history tr[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Expect(page.Locator("#current")).ToHaveTextAsync("expertise · v2");
        session.Dialogs.ShouldHaveSingleItem().ShouldContain("unsaved changes");

        // The draft is published and becomes the published version.
        await page.Locator("#history tr[data-version='2']").GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Version 2 published.");
        await Expect(page.Locator("#history tr[data-version='2'] .status")).ToHaveTextAsync("published");
        await Expect(page.Locator("#history tr[data-version='1'] .status")).ToHaveTextAsync("unpublished");
        await Expect(expertiseRow.Locator(".published")).ToHaveTextAsync("v2");
        var list = (await (await api.GetAsync("/workflows/definitions")).JsonAsync())!.Value;
        list.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "expertise").GetProperty("publishedVersion").GetInt32().ShouldBe(2);

        session.RefusedSaves.ShouldBe(1);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_panel_writes_commands_with_their_input_mappings_message_event_types_and_timers_that_the_engine_reads_back_and_undo_works()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var session = await DesignerSession.SignIn(app, designer);
        var (context, page) = (session.Context, session.Page);
        await page.Locator("#definitions tr[data-key='follow-up']").GetByRole(AriaRole.Button, new() { Name = "follow-up" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("follow-up v1 opened.");
        var panel = page.Locator("#properties");

        // Another command: its fields are offered as input rows, an expression typed in one maps it.
        await ClickShape(page, "SendReminder");
        var command = panel.GetByLabel("Command", new() { Exact = true });
        await Expect(command).ToHaveValueAsync("Notifications.SendReminder");
        await command.SelectOptionAsync("Tasks.CreateTask");
        await Expect(panel.GetByLabel("input title expression")).ToHaveValueAsync("");
        await Expect(panel.GetByLabel("input candidateRole expression")).ToBeVisibleAsync();
        await Fill(panel.GetByLabel("input title expression"), "'Call the person'");
        await Expect(panel.GetByLabel("input title expression")).ToHaveValueAsync("'Call the person'");
        await Fill(panel.GetByLabel("input dossierId expression"), "dossierId");
        // Clearing an expression removes its mapping; undo brings it back, redo removes it again.
        await Fill(panel.GetByLabel("input appointmentId expression"), "");
        await Expect(panel.GetByLabel("input appointmentId expression")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();
        await Expect(panel.GetByLabel("input appointmentId expression")).ToHaveValueAsync("appointmentId");
        await page.GetByRole(AriaRole.Button, new() { Name = "Redo", Exact = true }).ClickAsync();
        await Expect(panel.GetByLabel("input appointmentId expression")).ToHaveCountAsync(0);

        // A message catch event's event type and condition; a timer turned into a duration.
        await ClickShape(page, "MeetingDone");
        await panel.GetByLabel("Event type", new() { Exact = true }).SelectOptionAsync("ExchangeRecorded");
        await Fill(panel.GetByLabel("Condition", new() { Exact = true }), "event.appointmentId === appointmentId && true");
        await ClickShape(page, "DayBefore");
        await panel.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("timeDuration");
        await Fill(panel.GetByLabel("Value (ISO 8601 or =expression)", new() { Exact = true }), "PT1H");
        await Expect(panel.GetByLabel("Value (ISO 8601 or =expression)", new() { Exact = true })).ToHaveValueAsync("PT1H");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 2 saved as draft");

        var xml = await (await context.APIRequest.GetAsync("/workflows/definitions/follow-up/versions/2/xml")).TextAsync();
        var read = Workflow.Engine.Validation.DefinitionValidator.Validate(xml, Workflow.Application.Workflows.WorkflowCatalogue.Catalogue);
        read.Errors.ShouldBeEmpty();
        var process = read.Definition!;
        var service = process.Node("SendReminder")!.ServiceTask!;
        service.Command.ShouldBe("Tasks.CreateTask");
        service.Inputs.Select(i => (i.Target, i.Expression)).ShouldBe([("title", "'Call the person'"), ("dossierId", "dossierId")], ignoreOrder: true);
        process.Node("MeetingDone")!.Message!.EventType.ShouldBe("ExchangeRecorded");
        process.Node("MeetingDone")!.Message!.Condition.ShouldBe("event.appointmentId === appointmentId && true");
        process.Node("DayBefore")!.Timer.ShouldBe(new Workflow.Engine.Model.TimerSpec(Workflow.Engine.Model.TimerKind.Duration, "PT1H"));
        var diff = (await (await context.APIRequest.GetAsync("/workflows/definitions/follow-up/diff?from=1&to=2")).JsonAsync())!.Value;
        diff.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(["DayBefore", "MeetingDone", "SendReminder"]);
        session.RefusedSaves.ShouldBe(0);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_gateway_flow_that_is_no_longer_the_default_needs_a_condition_and_gets_one_from_the_panel()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new Workflow.Application.Workflows.DeployDefinition.Command(Routing), designer);
        await using var session = await DesignerSession.SignIn(app, designer);
        var (context, page) = (session.Context, session.Page);
        await page.Locator("#definitions tr[data-key='routing']").GetByRole(AriaRole.Button, new() { Name = "routing" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("routing v1 opened.");
        var panel = page.Locator("#properties");

        await page.Locator(".djs-connection[data-element-id='F_No']").ClickAsync();
        var isDefault = panel.GetByLabel("Default flow", new() { Exact = true });
        await Expect(isDefault).ToBeCheckedAsync();
        await isDefault.UncheckAsync();
        await Expect(isDefault).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#problems li[data-element='F_No']")).ToContainTextAsync("without a condition");
        await Expect(page.Locator(".djs-element[data-element-id='F_No']")).ToHaveClassAsync(new Regex(@"\bwf-error\b"));

        await Fill(panel.GetByLabel("Condition", new() { Exact = true }), "approved !== true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 2 saved as draft");
        await Expect(page.Locator("#problems li")).ToHaveCountAsync(0);
        await Expect(page.Locator(".djs-element.wf-error")).ToHaveCountAsync(0);

        var process = Workflow.Engine.Reading.BpmnReader.Read(await (await context.APIRequest.GetAsync("/workflows/definitions/routing/versions/2/xml")).TextAsync()).Definition!;
        process.Node("Choice")!.DefaultFlowId.ShouldBeNull();
        process.Flows["F_No"].Condition.ShouldBe("approved !== true");
        process.Flows["F_Yes"].Condition.ShouldBe("approved === true");
        session.RefusedSaves.ShouldBe(1);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_diagram_gets_its_key_from_the_panel_is_refused_while_incomplete_and_saved_once_it_has_an_end()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var session = await DesignerSession.SignIn(app, designer);
        var (context, page) = (session.Context, session.Page);
        await Expect(page.Locator("#definitions tr[data-key='expertise']")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "New diagram", Exact = true }).ClickAsync();
        await Expect(page.Locator(".djs-shape[data-element-id='StartEvent_1']")).ToHaveCountAsync(1);
        var panel = page.Locator("#properties");
        await Expect(panel.Locator("h2")).ToHaveTextAsync("Process");
        await Fill(panel.GetByLabel("Key (process id)", new() { Exact = true }), "drafted");
        await Fill(panel.GetByLabel("Name", new() { Exact = true }), "Drafted by hand");
        await Expect(panel.GetByLabel("Key (process id)", new() { Exact = true })).ToHaveValueAsync("drafted");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#problems li[data-element='StartEvent_1']")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator(".djs-element[data-element-id='StartEvent_1']")).ToHaveClassAsync(new Regex(@"\bwf-error\b"));
        (await app.Query(db => db.WorkflowDefinitions.CountAsync(d => d.Key == "drafted"))).ShouldBe(0);

        // bpmn-js's own context pad appends an end event after the start.
        await page.Locator(".djs-shape[data-element-id='StartEvent_1']").ClickAsync();
        await page.Locator(".djs-context-pad [data-action='append.end-event']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 1 saved as draft");
        await Expect(page.Locator("#definitions tr[data-key='drafted'] td").Nth(1)).ToHaveTextAsync("Drafted by hand");
        await Expect(page.Locator("#current")).ToHaveTextAsync("drafted · v1");
        var saved = await app.Query(db => db.WorkflowDefinitions.SingleAsync(d => d.Key == "drafted"));
        (saved.Version, saved.Name, saved.CreatedById).ShouldBe((1, "Drafted by hand", (Guid?)designer.Id));
        session.RefusedSaves.ShouldBe(1);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_error_boundary_events_code_is_set_and_cleared_from_the_panel_and_the_engine_catches_what_it_says()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new Workflow.Application.Workflows.DeployDefinition.Command(Diagrams.Laid(Booking)), designer);
        await using var session = await DesignerSession.SignIn(app, designer);
        var (context, page) = (session.Context, session.Page);
        await page.Locator("#definitions tr[data-key='booking-errors']").GetByRole(AriaRole.Button, new() { Name = "booking-errors" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("booking-errors v1 opened.");
        var panel = page.Locator("#properties");

        await page.Locator(".djs-shape[data-element-id='Refused']").ClickAsync();
        var code = panel.GetByLabel("Error code", new() { Exact = true });
        await Expect(code).ToHaveValueAsync("overlap");
        await Fill(code, "busy-elsewhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 2 saved as draft");
        // Cleared: the boundary event catches any refusal.
        await Fill(code, "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Version 3 saved as draft");

        async Task<Workflow.Engine.Model.ProcessDefinition> Version(int version) =>
            Workflow.Engine.Reading.BpmnReader.Read(await (await context.APIRequest.GetAsync($"/workflows/definitions/booking-errors/versions/{version}/xml")).TextAsync()).Definition!;
        (await Version(2)).Node("Refused")!.Error!.ErrorCode.ShouldBe("busy-elsewhere");
        (await Version(3)).Node("Refused")!.Error!.ErrorCode.ShouldBeNull();
        session.RefusedSaves.ShouldBe(0);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_french_designer_reads_the_definitions_versions_and_panel_in_french_with_times_in_their_zone()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var session = await DesignerSession.SignIn(app, designer, "fr-BE");
        var page = session.Page;
        await Expect(page.Locator("#status")).ToHaveTextAsync("Choisissez une définition ou commencez un nouveau diagramme.");
        await page.Locator("#definitions tr[data-key='expertise']").GetByRole(AriaRole.Button, new() { Name = "expertise" }).ClickAsync();
        // Other tests of the class may have saved versions of the shipped definition: its latest opens.
        await Expect(page.Locator("#status")).ToHaveTextAsync(new Regex(@"^expertise v\d+ ouvert\.$"));
        await Expect(page.Locator("#history tr[data-version='1'] .status")).ToHaveTextAsync(new Regex("^(publiée|dépubliée)$"));
        // Deployed at start-up, 07:00 UTC: 08:00 in the designer's zone (Europe/Brussels).
        await Expect(page.Locator("#history tr[data-version='1']")).ToContainTextAsync("08:00");
        await Expect(page.Locator("#history tr[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "Restaurer", Exact = true })).ToBeVisibleAsync();
        await ClickShape(page, "PlanAppointment");
        var panel = page.Locator("#properties");
        await Expect(panel.Locator("h2")).ToHaveTextAsync("Tâche utilisateur");
        await Expect(panel.GetByLabel("Formulaire", new() { Exact = true })).ToHaveValueAsync(new Regex("^(plan-appointment|first-meeting)$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Comparer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#diff li").First).ToBeVisibleAsync();
        await session.App.Screenshot("designer-fr");
        (await session.App.AccessibilityViolations()).ShouldBeEmpty();
        session.Problems.ShouldBeEmpty();
    }

    /// <summary>A booking whose refusal (overlap) a boundary event catches; laid out by Diagrams.</summary>
    private const string Booking = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_booking" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="booking-errors" name="Booking errors" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Book"><bpmn:extensionElements><wf:command name="Scheduling.AssignExpert" /><wf:input target="dossierId" expression="dossierId" /><wf:input target="expertId" expression="expertId" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:endEvent id="Booked"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:endEvent id="NotBooked"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
            <bpmn:boundaryEvent id="Refused" attachedToRef="Book"><bpmn:outgoing>F3</bpmn:outgoing><bpmn:errorEventDefinition id="Refused_error" errorRef="Error_overlap" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Book" />
            <bpmn:sequenceFlow id="F2" sourceRef="Book" targetRef="Booked" />
            <bpmn:sequenceFlow id="F3" sourceRef="Refused" targetRef="NotBooked" />
          </bpmn:process>
          <bpmn:error id="Error_overlap" name="Overlap" errorCode="overlap" />
        </bpmn:definitions>
        """;

    /// <summary>Start, an exclusive gateway with a conditioned flow and a default flow, two ends; with its diagram.</summary>
    private const string Routing = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:wf="http://workflow.example/schema/bpmn" id="Definitions_routing" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="routing" name="Routing" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F_In</bpmn:outgoing></bpmn:startEvent>
            <bpmn:exclusiveGateway id="Choice" default="F_No"><bpmn:incoming>F_In</bpmn:incoming><bpmn:outgoing>F_Yes</bpmn:outgoing><bpmn:outgoing>F_No</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:endEvent id="Yes"><bpmn:incoming>F_Yes</bpmn:incoming></bpmn:endEvent>
            <bpmn:endEvent id="No"><bpmn:incoming>F_No</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F_In" sourceRef="Start" targetRef="Choice" />
            <bpmn:sequenceFlow id="F_Yes" sourceRef="Choice" targetRef="Yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">approved === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F_No" sourceRef="Choice" targetRef="No" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_routing">
            <bpmndi:BPMNPlane id="Plane_routing" bpmnElement="routing">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Choice_di" bpmnElement="Choice" isMarkerVisible="true"><dc:Bounds x="200" y="93" width="50" height="50" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Yes_di" bpmnElement="Yes"><dc:Bounds x="400" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="No_di" bpmnElement="No"><dc:Bounds x="282" y="300" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="F_In_di" bpmnElement="F_In"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="F_Yes_di" bpmnElement="F_Yes"><di:waypoint x="250" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="F_No_di" bpmnElement="F_No"><di:waypoint x="225" y="143" /><di:waypoint x="300" y="300" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Types a value and leaves the field, as a person does: the panel applies a field when it changes.</summary>
    private static async Task Fill(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    /// <summary>
    /// The empty canvas first (the selected element's context pad may cover the next one), then the shape
    /// near its top-left corner (the shipped diagrams' flows cross some tasks through their middle).
    /// </summary>
    private static async Task ClickShape(IPage page, string id)
    {
        var canvas = page.Locator("#canvas");
        var box = (await canvas.BoundingBoxAsync())!;
        await canvas.ClickAsync(new() { Position = new() { X = box.Width / 2, Y = box.Height - 30 } });
        await page.Locator($".djs-shape[data-element-id='{id}']").ClickAsync(new() { Position = new() { X = 12, Y = 8 } });
    }

    private static XElement TaskDefinitionOf(XDocument xml, string id) =>
        xml.Descendants(Bpmn + "userTask").Single(t => (string?)t.Attribute("id") == id).Descendants(Wf + "taskDefinition").Single();
}
