using System.Text;
using Workflow.Engine.Model;
using Workflow.Engine.Reading;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Reading;

public class ReaderTests
{
    [Fact]
    public void The_raw_xml_with_its_diagram_is_kept_character_for_character()
    {
        var xml = Fixture.Xml("user-task.bpmn");

        var definition = BpmnReader.Read(xml).Definition!;

        definition.Xml.ShouldBe(xml);
        definition.Xml.ShouldContain("bpmndi:BPMNShape");
    }

    [Fact]
    public void User_task_extension_gives_form_assignee_role_and_due_date()
    {
        var task = Fixture.Read("user-task.bpmn").Definition!.Nodes["Plan"];

        task.Kind.ShouldBe(ElementKind.UserTask);
        task.Name.ShouldBe("Plan the appointment");
        task.UserTask.ShouldBe(new UserTaskSpec("planning", "=referentId", "planner", "P3D"));
    }

    [Fact]
    public void Service_task_extension_gives_command_mappings_and_retry_policy()
    {
        var task = Fixture.Read("service-task.bpmn").Definition!.Nodes["Book"].ServiceTask!;

        task.Command.ShouldBe("BookAppointment");
        task.Inputs.ShouldBe([new Mapping("dossierId", "dossierId"), new Mapping("slot", "'morning'")]);
        task.Outputs.ShouldBe([new Mapping("appointmentId", "result.id")]);
        task.Retry.ShouldBe(new RetryPolicy(3, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Message_event_reads_event_type_condition_correlation_and_result_variable()
    {
        var wait = Fixture.Read("intermediate-events.bpmn").Definition!.Nodes["WaitDone"];

        wait.Event.ShouldBe(EventKind.Message);
        wait.Message.ShouldBe(new MessageSpec("AppointmentDone", "event.status === 'done'", "dossierId", "appointment"));
    }

    [Fact]
    public void Message_event_without_extension_takes_the_bpmn_message_name_as_event_type()
    {
        var xml = Fixture.Xml("event-based-gateway.bpmn").Replace("<wf:message eventType=\"AppointmentDone\" />", "");

        BpmnReader.Read(xml).Definition!.Nodes["AppointmentDone"].Message!.EventType.ShouldBe("AppointmentDone");
    }

    [Fact]
    public void Error_boundary_reads_the_error_code_of_the_referenced_error()
    {
        var boundary = Fixture.Read("service-task.bpmn").Definition!.Nodes["Refused"];

        boundary.Kind.ShouldBe(ElementKind.BoundaryEvent);
        boundary.AttachedToRef.ShouldBe("Book");
        boundary.Error!.ErrorCode.ShouldBe("BOOKING_REFUSED");
    }

    [Fact]
    public void Sub_process_children_know_their_parent()
    {
        var definition = Fixture.Read("sub-process.bpmn").Definition!;

        definition.Nodes["Inner"].ParentId.ShouldBe("Planning");
        definition.Flows["Flow_S1"].ParentId.ShouldBe("Planning");
        definition.Nodes["After"].ParentId.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"P\">")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>")]
    [InlineData("<html><body>hello</body></html>")]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" />")]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process /></definitions>")]
    public void Unreadable_input_gives_errors_and_never_throws(string xml)
    {
        var result = BpmnReader.Read(xml);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Wrong_root_is_named_in_the_error()
    {
        var result = BpmnReader.Read("<svg xmlns=\"http://www.w3.org/2000/svg\" />");

        result.Errors.Single().Message.ShouldContain("svg");
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_without_parsing()
    {
        var huge = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
            + new string(' ', BpmnReader.DefaultMaxCharacters) + "</bpmn:definitions>";

        var result = BpmnReader.Read(huge);

        result.Errors.Single().Message.ShouldContain("larger than");
    }

    [Fact]
    public void A_huge_stream_is_refused_after_reading_only_the_limit()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 2_000)));

        BpmnReader.Read(stream, maxCharacters: 1_000).Errors.Single().Message.ShouldContain("larger than");
    }

    [Fact]
    public void A_stream_is_read_whole_when_it_fits()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Fixture.Xml("user-task.bpmn")));

        BpmnReader.Read(stream, maxCharacters: int.MaxValue).Definition!.Id.ShouldBe("UserTaskProcess");
    }

    [Fact]
    public void Random_bytes_give_errors_and_never_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            using var stream = new MemoryStream(bytes);

            BpmnReader.Read(stream).Succeeded.ShouldBeFalse();
        }
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_gives_errors_and_never_throws()
    {
        var xml = Fixture.Xml("service-task.bpmn");
        for (var length = 0; length < xml.Length; length += 97)
            BpmnReader.Read(xml[..length]).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void Sub_processes_nested_without_end_are_refused_without_exhausting_the_stack()
    {
        const int depth = 20_000;
        var xml = new StringBuilder("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"P\">");
        for (var i = 0; i < depth; i++)
            xml.Append($"<bpmn:subProcess id=\"S{i}\">");
        for (var i = 0; i < depth; i++)
            xml.Append("</bpmn:subProcess>");
        xml.Append("</bpmn:process></bpmn:definitions>");

        var result = BpmnReader.Read(xml.ToString());

        result.Errors.ShouldContain(e => e.Message.Contains("nested deeper"));
    }

    [Fact]
    public void A_long_valid_chain_of_tasks_is_read_and_validated()
    {
        const int tasks = 5_000;
        var xml = new StringBuilder("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"P\">");
        xml.Append("<bpmn:startEvent id=\"T0\" />");
        for (var i = 1; i <= tasks; i++)
            xml.Append($"<bpmn:userTask id=\"T{i}\" /><bpmn:sequenceFlow id=\"F{i}\" sourceRef=\"T{i - 1}\" targetRef=\"T{i}\" />");
        xml.Append($"<bpmn:endEvent id=\"End\" /><bpmn:sequenceFlow id=\"FEnd\" sourceRef=\"T{tasks}\" targetRef=\"End\" />");
        xml.Append("</bpmn:process></bpmn:definitions>");

        var report = Workflow.Engine.Validation.DefinitionValidator.Validate(xml.ToString());

        report.Errors.ShouldBeEmpty();
        report.Definition!.Nodes.Count.ShouldBe(tasks + 2);
    }
}
