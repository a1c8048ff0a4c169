using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// The fields an address component holds for its manual mode (address1, city, …). Form.io's
/// builder gives each of them the condition below, which reads the browser's component
/// instance; on the server there is none, so core evaluates it to false and the field is
/// conditionally hidden, never validated. The condition is recognised here rather than run,
/// since `_` and `instance` are not part of the scripts' environment. A manual-mode value
/// ({mode: "manual", address: {address1, …}}) is checked by the address's own required rule.
/// </summary>
internal static class AddressFields
{
    private const string ManualModeCondition = "show = _.get(instance, 'parent.manualMode', false);";

    public static bool HiddenOnServer(FormComponent field) =>
        Js.AsString(field.Json["customConditional"])?.Trim() == ManualModeCondition;
}
