namespace Workflow.Application.Common;

/// <summary>
/// Who is acting in this scope. The web host fills it from the authenticated principal; every
/// background job acts as the workflow engine's own user (<see cref="ActAsSystem"/>), and so does a
/// workflow's service task, for the length of its command; tests set it themselves.
/// </summary>
public sealed class CurrentUser
{
    /// <summary>The workflow engine's user: a row without password or role, inserted by a migration, given an administrator's reach here.</summary>
    public static readonly Guid SystemUserId = Guid.Parse("019a0000-0000-7000-8000-0000000000ff");

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

    /// <summary>Acts as the workflow engine's user until the result is disposed, then as whoever acted before.</summary>
    public IDisposable ActAsSystem()
    {
        var (id, roles) = (Id, _roles);
        Set(SystemUserId, [Common.Roles.Admin]);
        return new Restore(() => (Id, _roles) = (id, roles));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    public Guid RequireId() =>
        IsAuthenticated ? Id : throw new ForbiddenException("not-authenticated", "This action needs a signed-in user.");
}
