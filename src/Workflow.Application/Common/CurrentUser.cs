namespace Workflow.Application.Common;

/// <summary>
/// Who is acting in this scope. The web host fills it from the authenticated principal;
/// tests and background jobs set it themselves.
/// </summary>
public sealed class CurrentUser
{
    private HashSet<string> _roles = [];

    public Guid Id { get; private set; }

    public bool IsAuthenticated => Id != Guid.Empty;

    public IReadOnlySet<string> Roles => _roles;

    public bool IsAdmin => _roles.Contains(Common.Roles.Admin);

    public bool IsInRole(string role) => _roles.Contains(role);

    public bool IsInAnyRole(params string[] roles) => roles.Any(_roles.Contains);

    public void Set(Guid id, IEnumerable<string> roles)
    {
        Id = id;
        _roles = roles.ToHashSet(StringComparer.Ordinal);
    }

    public Guid RequireId() =>
        IsAuthenticated ? Id : throw new ForbiddenException("not-authenticated", "This action needs a signed-in user.");
}
