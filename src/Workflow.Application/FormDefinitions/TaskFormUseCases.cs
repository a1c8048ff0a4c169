using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Tasks;

namespace Workflow.Application.FormDefinitions;

/// <summary>A task's form as the browser renders it: the pinned version's schema and the draft saved so far.</summary>
public sealed record TaskFormView(TaskDto Task, FormVersionDto Form, JsonObject Schema, JsonObject? Draft, DateTimeOffset? DraftSavedAt);

internal static class TaskFormAccess
{
    /// <summary>The task, visible to the caller and carrying a form; only who may complete it may fill it in.</summary>
    public static async Task<(TaskRow Row, FormDefinition Form)> Load(AppDbContext db, Guid taskId, CurrentUser user, bool toChange, CancellationToken ct)
    {
        var row = await TaskAccess.LoadVisible(db, taskId, user, ct);
        var task = row.Task;
        if (task.FormKey is null || task.FormVersion is null)
            throw new DomainException("no-form", "This task has no form; complete it with POST /tasks/{id}/complete.", unprocessable: true);
        if (toChange)
        {
            if (task.Status is WorkTaskStatus.Completed or WorkTaskStatus.Cancelled)
                throw new DomainException("illegal-status-change", $"The task is {Kebab.Of(task.Status)}: its form is closed.");
            if (!task.IsCandidate(user) && !user.IsAdmin)
                throw new ForbiddenException("not-assignee", "Only the assignee (or a holder of the candidate role, for an unclaimed task) fills in its form.");
        }
        return (row, await FormCatalog.Load(db, task.FormKey, task.FormVersion.Value, ct));
    }
}

public static class GetTaskForm
{
    public sealed record Query(Guid TaskId) : IQuery<TaskFormView>, IOnTask;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, TaskFormView>
    {
        public async Task<TaskFormView> Handle(Query query, CancellationToken ct)
        {
            var (row, form) = await TaskFormAccess.Load(db, query.TaskId, user, toChange: false, ct);
            var draft = await db.TaskFormDrafts().AsNoTracking().SingleOrDefaultAsync(d => d.TaskId == row.Task.Id, ct);
            return new TaskFormView(row.ToDto(), FormVersionDto.From(form), JsonNode.Parse(form.Schema)!.AsObject(),
                draft is null ? null : JsonNode.Parse(draft.Data)!.AsObject(), draft?.SavedAt);
        }
    }
}

public static class SaveTaskDraft
{
    /// <summary>Keeps what has been filled in so far, unvalidated, so the form can be finished later.</summary>
    public sealed record Command(Guid TaskId, JsonObject? Data) : ICommand<TaskFormView>, IOnTask;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Data).NotNull().WithMessage("Send the form's data as 'data'.");
            RuleFor(c => c.Data).Must(d => d!.ToJsonString().Length <= 1_000_000).When(c => c.Data is not null)
                .WithMessage("Form data is limited to 1 MB.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskFormView>
    {
        public async Task<TaskFormView> Handle(Command command, CancellationToken ct)
        {
            var (row, form) = await TaskFormAccess.Load(db, command.TaskId, user, toChange: true, ct);
            var draft = await db.TaskFormDrafts().SingleOrDefaultAsync(d => d.TaskId == row.Task.Id, ct);
            if (draft is null)
                db.TaskFormDrafts().Add(draft = TaskFormDraft.Create(row.Task.Id));
            draft.Save(command.Data!.ToJsonString(), user.RequireId(), clock.GetUtcNow());
            return new TaskFormView(row.ToDto(), FormVersionDto.From(form), JsonNode.Parse(form.Schema)!.AsObject(), command.Data, draft.SavedAt);
        }
    }
}
