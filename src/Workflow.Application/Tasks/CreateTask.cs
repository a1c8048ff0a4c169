using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Tasks;

public static class CreateTask
{
    /// <summary>Creates a task on a dossier, by hand or (with the instance and element ids) for a workflow's user task.</summary>
    public sealed record Command(Guid DossierId, string Title, string? Description = null, Guid? AssigneeId = null, string? CandidateRole = null,
        DateTimeOffset? DueAt = null, string? FormKey = null, int? FormVersion = null, Guid? WorkflowInstanceId = null, string? WorkflowElementId = null)
        : ICommand<TaskDto>, IOnDossier;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DossierId).NotEmpty();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Description).MaximumLength(4000);
            RuleFor(c => c.CandidateRole).Must(r => Roles.IsKnown(r!)).When(c => c.CandidateRole is not null)
                .WithMessage("'{PropertyValue}' is not a role; roles are admin, designer, planner, expert.");
            RuleFor(c => c.AssigneeId).NotNull().When(c => c.CandidateRole is null).WithMessage("Name an assignee or a candidate role.");
            RuleFor(c => c.FormKey).MaximumLength(100).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").When(c => c.FormKey is not null);
            RuleFor(c => c.FormVersion).GreaterThan(0).When(c => c.FormVersion is not null);
            RuleFor(c => c.FormVersion).Null().When(c => c.FormKey is null).WithMessage("A form version goes with a form key.");
            RuleFor(c => c.WorkflowElementId).NotEmpty().When(c => c.WorkflowInstanceId is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            if (dossier.Status != DossierStatus.Open)
                throw new DomainException("dossier-closed", "The dossier is closed.");
            if (command.AssigneeId is { } assignee && !await db.Users.AnyAsync(u => u.Id == assignee, cancellationToken))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("assigneeId", "No user has this id.")]);

            var formVersion = await FormDefinitions.TaskForms.PinVersion(db, command.FormKey, command.FormVersion, cancellationToken);
            var task = WorkTask.Create(dossier.Id, command.Title.Trim(), command.Description, command.FormKey, formVersion,
                command.AssigneeId, command.CandidateRole, command.DueAt, user.IsAuthenticated ? user.Id : null,
                command.WorkflowInstanceId, command.WorkflowElementId, clock.GetUtcNow());
            db.Tasks.Add(task);
            var assigneeName = task.AssigneeId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) : null;
            return new TaskRow(task, dossier.Reference, dossier.Urgent, dossier.Confidential, dossier.Title, assigneeName).ToDto();
        }
    }
}
