using Workflow.Forms.Extensions;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

public sealed class FormValidatorOptions
{
    public ScriptLimits ScriptLimits { get; init; } = ScriptLimits.Default;
    public ComponentValidatorRegistry Validators { get; init; } = new();

    /// <summary>Without a checker, validate.unique is not judged, as core does not judge it without its database.</summary>
    public IUniqueValueChecker? Unique { get; init; }
}
