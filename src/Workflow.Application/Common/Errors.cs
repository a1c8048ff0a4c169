namespace Workflow.Application.Common;

/// <summary>
/// A rule of the domain refused the request. <see cref="Reason"/> is machine-readable
/// (kebab-case, stable); the web host turns it into a 409 (a conflict with the current
/// state) or a 422 (a request that can never be satisfied as sent).
/// </summary>
public class DomainException(string reason, string message, bool unprocessable = false) : Exception(message)
{
    public string Reason { get; } = reason;

    public bool Unprocessable { get; } = unprocessable;

    /// <summary>Members the problem carries beside its reason (e.g. <c>errors</c>: one entry per element or field refused).</summary>
    public virtual IReadOnlyDictionary<string, object?> Extensions => Empty;

    private static readonly Dictionary<string, object?> Empty = [];
}

/// <summary>The thing does not exist, or the caller may not know it exists (confidential dossiers).</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
}

/// <summary>The caller is known but not allowed to do this.</summary>
public sealed class ForbiddenException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
