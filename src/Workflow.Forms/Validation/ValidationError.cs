namespace Workflow.Forms.Validation;

/// <summary>
/// One failed rule. Path and Rule are written as @formio/core writes them (grid[0].mail,
/// required), so that a client rendering the same form can place the error on its field.
/// </summary>
public sealed record ValidationError(string Path, string Rule, string MessageEn, string MessageFr)
{
    public string Message(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? MessageFr : MessageEn;
}
