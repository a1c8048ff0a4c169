using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

/// <summary>Each rule is broken once in invalid-everything.bpmn, on its own element.</summary>
public class ValidationRuleTests
{
    private static readonly Catalogue Known = Catalogue.Of(["BookAppointment", "SendReminder"], ["planning"]);
    private static readonly IReadOnlyList<Workflow.Engine.Model.ValidationError> Errors =
        DefinitionValidator.Validate(Fixture.Xml("invalid-everything.bpmn"), Known).Errors;

    private static void ShouldReport(string element, string fragment) =>
        Errors.ShouldContain(e => e.Element == element && e.Message.Contains(fragment),
            $"expected an error on '{element}' containing '{fragment}'; got:\n{string.Join("\n", Errors)}");

    [Fact]
    public void Unsupported_element_is_an_error_not_skipped() => ShouldReport("Script", "unsupported element 'scriptTask'");

    [Fact]
    public void Unsupported_event_definition_is_an_error() => ShouldReport("SignalStart", "signalEventDefinition");

    [Fact]
    public void Foreign_extension_element_is_an_error() => ShouldReport("Foreign", "formKey");

    [Fact]
    public void Non_default_flow_without_condition_out_of_exclusive_gateway_is_an_error() =>
        ShouldReport("Flow_2", "without a condition");

    [Fact]
    public void Every_unconditioned_flow_of_the_gateway_is_reported() => ShouldReport("Flow_13", "without a condition");

    [Fact]
    public void Unreachable_node_is_an_error() => ShouldReport("Island", "cannot be reached");

    [Fact]
    public void Flow_to_a_missing_node_is_an_error() => ShouldReport("Flow_12", "'Ghost' does not exist");

    [Fact]
    public void Bad_expression_syntax_is_an_error() => ShouldReport("Flow_3", "bad expression syntax");

    [Fact]
    public void Bad_mapping_syntax_is_an_error() => ShouldReport("UnknownCommand", "mapping of 'x'");

    [Fact]
    public void Unknown_command_is_an_error() => ShouldReport("UnknownCommand", "unknown command 'NoSuchCommand'");

    [Fact]
    public void Service_task_without_command_is_an_error() => ShouldReport("NoCommand", "names no command");

    [Fact]
    public void Unknown_form_key_is_an_error() => ShouldReport("UnknownForm", "unknown form key 'no-such-form'");

    [Fact]
    public void Due_date_that_is_not_iso_8601_is_an_error() => ShouldReport("UnknownForm", "due date 'in three days'");

    [Fact]
    public void Timer_duration_that_is_not_iso_8601_is_an_error() => ShouldReport("BadTimer", "not an ISO 8601 duration");

    [Fact]
    public void Timer_cycle_that_is_not_iso_8601_is_an_error() => ShouldReport("BadCycle", "repeating interval");

    [Fact]
    public void Missing_start_event_is_an_error()
    {
        var errors = DefinitionValidator.Validate(Fixture.Xml("no-start.bpmn")).Errors;

        errors.ShouldContain(e => e.Element == "NoStartProcess" && e.Message.Contains("no start event"));
    }

    [Fact]
    public void Without_catalogues_commands_and_forms_are_not_checked()
    {
        var errors = DefinitionValidator.Validate(Fixture.Xml("invalid-everything.bpmn")).Errors;

        errors.ShouldNotContain(e => e.Message.Contains("unknown command") || e.Message.Contains("unknown form"));
    }

    [Fact]
    public void Malformed_xml_is_reported_as_an_invalid_definition()
    {
        var report = DefinitionValidator.Validate("<bpmn:definitions");

        report.IsValid.ShouldBeFalse();
        report.Errors.Single().Element.ShouldBe("definitions");
    }

    [Theory]
    [InlineData("user-task.bpmn")]
    [InlineData("service-task.bpmn")]
    [InlineData("exclusive-gateway.bpmn")]
    [InlineData("parallel-gateway.bpmn")]
    [InlineData("event-based-gateway.bpmn")]
    [InlineData("intermediate-events.bpmn")]
    [InlineData("boundary-timers.bpmn")]
    [InlineData("sub-process.bpmn")]
    [InlineData("terminate.bpmn")]
    [InlineData("message-start.bpmn")]
    public void Supported_fixtures_are_valid(string name)
    {
        var report = DefinitionValidator.Validate(Fixture.Xml(name), Catalogue.Of(["BookAppointment", "SendReminder"], ["planning"]) with { IsKnownFormKey = null });

        report.Errors.ShouldBeEmpty();
    }
}
