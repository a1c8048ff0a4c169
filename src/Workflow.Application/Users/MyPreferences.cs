using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Users;

/// <summary>The signed-in user's own settings, read when the web application starts.</summary>
public static class MyPreferences
{
    public sealed record Query : IQuery<Preferences>;

    public sealed record Preferences(string? Language);

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, Preferences>
    {
        public async Task<Preferences> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = await db.Users.FindAsync([user.RequireId()], cancellationToken) ?? throw new NotFoundException("User", user.Id);
            return new Preferences(me.Language);
        }
    }
}
