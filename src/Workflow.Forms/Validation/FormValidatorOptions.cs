using Workflow.Forms.Extensions;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

public sealed class FormValidatorOptions
{
    public ScriptLimits ScriptLimits { get; init; } = ScriptLimits.Default;
    public ComponentValidatorRegistry Validators { get; init; } = new();

    /// <summary>
    /// Today, for whatever a form reads of it: JSON Logic's getDate, relativeMinDate, relativeMaxDate and _now, the
    /// scripts' Date, a day or date bound missing its day, month or year (dayjs fills them from today).
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Without a checker, validate.unique is not judged, as core does not judge it without its database.</summary>
    public IUniqueValueChecker? Unique { get; init; }
}
