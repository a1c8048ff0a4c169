using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Tasks;

public static class GetTask
{
    public sealed record Query(Guid TaskId) : IQuery<TaskDto>, IOnTask;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, TaskDto>
    {
        public async Task<TaskDto> Handle(Query query, CancellationToken cancellationToken) =>
            (await TaskAccess.LoadVisible(db, query.TaskId, user, cancellationToken)).ToDto();
    }
}

public static class MyTasks
{
    /// <summary>
    /// The inbox: open and in-progress tasks assigned to the caller or offered to one of their roles, whether still
    /// unclaimed or already held by a colleague (so two planners know who works on what); urgent and overdue first.
    /// </summary>
    public sealed record Query(bool IncludeFinished = false) : IQuery<IReadOnlyList<TaskDto>>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<TaskDto>>
    {
        public async Task<IReadOnlyList<TaskDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireId();
            var roles = user.Roles.ToList();
            var rows = await (from t in db.Tasks.AsNoTracking()
                              where t.AssigneeId == me || (t.CandidateRole != null && roles.Contains(t.CandidateRole))
                              where query.IncludeFinished || t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress
                              join d in db.Visible(user) on t.DossierId equals d.Id
                              orderby d.Urgent descending, t.DueAt == null, t.DueAt, t.CreatedAt
                              select new TaskRow(t, d.Reference, d.Urgent, d.Confidential, d.Title,
                                  db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.FullName).FirstOrDefault()))
                .Take(500).ToListAsync(cancellationToken);
            return rows.Select(r => r.ToDto()).ToList();
        }
    }
}

public static class DossierTasks
{
    public sealed record Query(Guid DossierId) : IQuery<IReadOnlyList<TaskDto>>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<TaskDto>>
    {
        public async Task<IReadOnlyList<TaskDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(query.DossierId, user, cancellationToken);
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.DossierId == dossier.Id).OrderBy(t => t.CreatedAt)
                .Select(t => new { Task = t, AssigneeName = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.FullName).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            return tasks.Select(t => new TaskRow(t.Task, dossier.Reference, dossier.Urgent, dossier.Confidential, dossier.Title, t.AssigneeName).ToDto()).ToList();
        }
    }
}
