namespace Workflow.Engine.State;

/// <summary>
/// A point of execution. Tokens inside an embedded sub-process carry the id of the token
/// that waits on the sub-process itself as their scope.
/// </summary>
public sealed class Token
{
    public Guid Id { get; set; }
    public string ElementId { get; set; } = "";
    public Guid? ScopeId { get; set; }
    public TokenStatus Status { get; set; }

    /// <summary>The flow a token came by, which a parallel join needs to count its branches.</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Failed attempts of the current service task, for the retry policy.</summary>
    public int Attempts { get; set; }
}

public enum TokenStatus
{
    Ready,
    Waiting,
    Joining,
    Incident,
}
