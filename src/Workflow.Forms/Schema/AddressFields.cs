namespace Workflow.Forms.Schema;

/// <summary>
/// The fields an address component holds for its manual mode (address1, city, …). Form.io's
/// builder gives each of them the condition below, which reads the browser's component
/// instance through lodash. On the server core's evaluator has neither (`_ is not defined`),
/// logs the error and shows the field; so the condition is not run here either and the field
/// is shown, rather than reported as a failing script (which every address would then be).
/// </summary>
internal static class AddressFields
{
    private const string ManualModeCondition = "show = _.get(instance, 'parent.manualMode', false);";

    public static bool IsBrowserOnlyCondition(string script) => script.Trim() == ManualModeCondition;
}
