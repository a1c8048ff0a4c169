using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Users;

internal static class UserQueries
{
    public static IQueryable<UserSummary> Summaries(AppDbContext db, IQueryable<AppUser> users) =>
        from u in users
        select new UserSummary(
            u.Id, u.FullName, u.Email!,
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id orderby r.Name select r.Name!).ToList(),
            u.Skills, u.BaseAddress, u.TimeZone);

    public static async Task<UserSummary> Summary(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await Summaries(db, db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User", id);
}

public static class GetUser
{
    public sealed record Query(Guid UserId) : IQuery<UserSummary>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, UserSummary>
    {
        public Task<UserSummary> Handle(Query query, CancellationToken cancellationToken) => UserQueries.Summary(db, query.UserId, cancellationToken);
    }
}

public static class ListUsers
{
    /// <summary>Users, optionally those with a role and holding every given skill.</summary>
    public sealed record Query(string? Role = null, IReadOnlyList<string>? Skills = null, string? Search = null) : IQuery<IReadOnlyList<UserSummary>>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<UserSummary>>
    {
        public async Task<IReadOnlyList<UserSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            // People only: the workflow engine's user (no e-mail, no role, no sign-in) acts but is nobody to pick.
            var users = db.Users.Where(u => u.Id != CurrentUser.SystemUserId && u.Email != null);
            foreach (var skill in query.Skills ?? [])
                users = users.Where(u => u.Skills.Contains(skill));
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim()}%";
                users = users.Where(u => EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.Email!, pattern));
            }
            if (!string.IsNullOrWhiteSpace(query.Role))
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));

            return await UserQueries.Summaries(db, users.OrderBy(u => u.FullName).Take(500)).ToListAsync(cancellationToken);
        }
    }
}
