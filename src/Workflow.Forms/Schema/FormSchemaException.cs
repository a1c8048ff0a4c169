namespace Workflow.Forms.Schema;

/// <summary>A form schema that cannot be validated against, with the reason and where.</summary>
public sealed class FormSchemaException(string reason, string? location = null)
    : Exception(location is null ? reason : $"{location}: {reason}")
{
    public string Reason { get; } = reason;
    public string? Location { get; } = location;
}
