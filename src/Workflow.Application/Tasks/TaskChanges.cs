using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Tasks;

internal static class TaskAccess
{
    public static async Task<TaskRow> LoadVisible(AppDbContext db, Guid taskId, CurrentUser user, CancellationToken cancellationToken)
    {
        var row = await (from t in db.Tasks
                         join d in db.Visible(user) on t.DossierId equals d.Id
                         where t.Id == taskId
                         select new TaskRow(t, d.Reference, d.Urgent, d.Confidential, d.Title,
                             db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.FullName).FirstOrDefault())).SingleOrDefaultAsync(cancellationToken);
        return row ?? throw new NotFoundException("Task", taskId);
    }

    /// <summary>The row after a change of holder: the new holder's name.</summary>
    public static async Task<TaskRow> WithHolder(AppDbContext db, TaskRow row, CancellationToken cancellationToken) =>
        row with
        {
            AssigneeName = row.Task.AssigneeId is { } id
                ? await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken)
                : null,
        };
}

public static class ClaimTask
{
    public sealed record Command(Guid TaskId) : ICommand<TaskDto>, IOnTask;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var row = await TaskAccess.LoadVisible(db, command.TaskId, user, cancellationToken);
            row.Task.Claim(user, clock.GetUtcNow());
            return (await TaskAccess.WithHolder(db, row, cancellationToken)).ToDto();
        }
    }
}

public static class ReleaseTask
{
    /// <summary>
    /// Gives a task back: it is open again and, if it was offered to a role, unassigned, so a colleague can take it.
    /// Only who holds it, or an administrator, releases it.
    /// </summary>
    public sealed record Command(Guid TaskId) : ICommand<TaskDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.TaskId).NotEmpty();
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var row = await TaskAccess.LoadVisible(db, command.TaskId, user, cancellationToken);
            row.Task.Release(user, clock.GetUtcNow());
            return (await TaskAccess.WithHolder(db, row, cancellationToken)).ToDto();
        }
    }
}

public static class CompleteTask
{
    /// <summary>
    /// Completes a task with data as given. The API sets <paramref name="RefuseFormTasks"/>: a task
    /// that carries a form completes through its form (POST /tasks/{id}/form/submit), validated.
    /// </summary>
    public sealed record Command(Guid TaskId, JsonObject? Data = null, bool RefuseFormTasks = false) : ICommand<TaskDto>, IOnTask;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TaskId).NotEmpty();
            RuleFor(c => c.Data).Must(d => d!.ToJsonString().Length <= 1_000_000).When(c => c.Data is not null)
                .WithMessage("Submitted data is limited to 1 MB.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var row = await TaskAccess.LoadVisible(db, command.TaskId, user, cancellationToken);
            if (command.RefuseFormTasks && row.Task.FormKey is not null)
                throw new DomainException("form-required", $"This task carries the form '{row.Task.FormKey}': submit it with POST /tasks/{row.Task.Id}/form/submit.",
                    unprocessable: true);
            row.Task.Complete(user, command.Data?.ToJsonString(), clock.GetUtcNow());
            return (await TaskAccess.WithHolder(db, row, cancellationToken)).ToDto();
        }
    }
}

public static class CancelTask
{
    public sealed record Command(Guid TaskId, string Reason) : ICommand<TaskDto>, IOnTask;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var row = await TaskAccess.LoadVisible(db, command.TaskId, user, cancellationToken);
            row.Task.Cancel(user.RequireId(), command.Reason.Trim(), clock.GetUtcNow());
            return row.ToDto();
        }
    }
}
