using System.Text.Json.Nodes;
using Workflow.Forms.Extensions;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

public class ExtensionTests
{
    private sealed class SlotValidator : IComponentValidator
    {
        public string ComponentType => ComponentTypes.AppointmentPlanner;

        public IEnumerable<ValidationError> Validate(ComponentValidationContext context)
        {
            if (context.Value?["slot"]?["start"] is null)
                yield return new ValidationError(context.Path + ".slot", "slotUnavailable", "Pick a free slot", "Choisissez un créneau libre");
        }
    }

    private sealed class TakenValues(params string[] taken) : IUniqueValueChecker
    {
        public bool IsTaken(FormComponent component, string path, JsonNode? value) => taken.Contains(value?.GetValue<string>());
    }

    private const string Planner = """[{"type":"container","key":"step","input":true,"components":[{"type":"appointmentPlanner","key":"rdv","input":true}]}]""";

    [Fact]
    public void Application_validator_checks_the_appointment_planner_value()
    {
        var options = new FormValidatorOptions { Validators = new ComponentValidatorRegistry().Register(new SlotValidator()) };
        var error = Forms.Validate(Planner, """{"step":{"rdv":{"period":{}}}}""", options).Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("step.rdv.slot");
        error.Rule.ShouldBe("slotUnavailable");
        error.Message("fr").ShouldBe("Choisissez un créneau libre");
    }

    [Fact]
    public void Application_validator_accepts_a_complete_value()
    {
        var options = new FormValidatorOptions { Validators = new ComponentValidatorRegistry().Register(new SlotValidator()) };
        Forms.Validate(Planner, """{"step":{"rdv":{"slot":{"start":"2026-11-23T09:00:00Z"}}}}""", options).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Application_validator_is_not_called_for_a_hidden_planner()
    {
        var options = new FormValidatorOptions { Validators = new ComponentValidatorRegistry().Register(new SlotValidator()) };
        Forms.Validate("""[{"type":"appointmentPlanner","key":"rdv","input":true,"hidden":true}]""", "{}", options).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Planner_value_is_opaque_to_the_generic_rules() =>
        Forms.Errors("""[{"type":"appointmentPlanner","key":"rdv","input":true,"validate":{"required":true}}]""", """{"rdv":{"anything":[1,2]}}""").ShouldBeEmpty();

    [Fact]
    public void Unique_value_already_taken_fails_unique()
    {
        var options = new FormValidatorOptions { Unique = new TakenValues("dup") };
        Forms.Errors("""[{"type":"textfield","key":"ref","input":true,"unique":true}]""", """{"ref":"dup"}""", options).ShouldBe(["ref:unique"]);
        Forms.Errors("""[{"type":"textfield","key":"ref","input":true,"unique":true}]""", """{"ref":"new"}""", options).ShouldBeEmpty();
    }
}
