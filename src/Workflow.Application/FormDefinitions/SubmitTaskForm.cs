using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Forms.Extensions;
using Workflow.Forms.Validation;

namespace Workflow.Application.FormDefinitions;

public static class SubmitTaskForm
{
    /// <summary>
    /// Validates the data against the form version the task pins (the Form.io rules, then the
    /// scheduling rules of each planning step) and completes the task with it. Refused: 422
    /// invalid-submission with one {path, rule, message} per error, and nothing changes.
    /// </summary>
    public sealed record Command(Guid TaskId, JsonObject? Data, string Language = "en") : ICommand<TaskDto>, IOnTask;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Data).NotNull().WithMessage("Send the form's data as 'data'.");
            RuleFor(c => c.Data).Must(d => d!.ToJsonString().Length <= 1_000_000).When(c => c.Data is not null)
                .WithMessage("Submitted data is limited to 1 MB.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock, FormCatalog catalog, PlanningChecks planning,
        MediatR.IMediator mediator) : MediatR.IRequestHandler<Command, TaskDto>
    {
        public async Task<TaskDto> Handle(Command command, CancellationToken ct)
        {
            var (row, form) = await TaskFormAccess.Load(db, command.TaskId, user, toChange: true, ct);
            var task = row.Task;
            var dossier = await db.LoadVisible(task.DossierId, user, ct);

            var planners = new PlannerValidator();
            var options = new FormValidatorOptions { Validators = new ComponentValidatorRegistry().Register(planners), Unique = new SubmittedValues(db, form.Key), Clock = clock };
            var result = new FormValidator(options).Validate(catalog.SchemaOf(form), new JsonObject { ["data"] = command.Data!.DeepClone() });
            var errors = result.Errors.ToList();
            if (errors.Count == 0)
                foreach (var found in planners.Found)
                    errors.AddRange(await planning.Check(found, dossier, user.RequireId(), ct));
            if (errors.Count > 0)
                throw Refused(errors, result.Data, command.Language);

            var data = result.Data;
            // A task of a workflow leaves booking to the workflow's service tasks; a task made by hand books here.
            if (task.WorkflowInstanceId is null)
                foreach (var found in planners.Found)
                    await Book(found, data, task, ct);

            var now = clock.GetUtcNow();
            task.Complete(user, data.ToJsonString(), now);
            db.FormSubmissions().Add(FormSubmission.Create(task.Id, form.Key, form.Version, data.ToJsonString(), user.Id, now));
            var draft = await db.TaskFormDrafts().SingleOrDefaultAsync(d => d.TaskId == task.Id, ct);
            if (draft is not null)
                db.TaskFormDrafts().Remove(draft);
            return row.ToDto();
        }

        private async Task Book(FoundPlanner found, JsonObject data, WorkTask task, CancellationToken ct)
        {
            var v = found.Value;
            var title = found.Component.Json["appointmentTitle"] is JsonValue t && t.TryGetValue<string>(out var s) && s.Length > 0 ? s : task.Title;
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == task.DossierId).Select(d => d.ReferentId).SingleAsync(ct);
            var booked = await mediator.Send(new BookAppointment.Command(task.DossierId, title, v.MainUserId ?? dossier, v.Start, v.End,
                AssignAsExpert: found.ExpertMode, LocationId: v.LocationId, Place: v.Address, ParticipantIds: v.ParticipantIds, UserIds: v.UserIds,
                TaskId: task.Id), ct);
            // The booked appointment is part of what the task recorded.
            if (Locate(data, found.Path) is JsonObject value)
                value["appointmentId"] = booked.Id.ToString();
        }

        private static JsonNode? Locate(JsonObject data, string path)
        {
            JsonNode? node = data;
            foreach (var part in path.Split('.'))
            {
                var bracket = part.IndexOf('[');
                node = bracket < 0 ? node?[part] : node?[part[..bracket]]?[int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
            }
            return node;
        }

        private static FormProblemException Refused(List<ValidationError> errors, JsonObject kept, string language)
        {
            var report = ValidationReport.ToJson(new ValidationResult(errors, kept), language);
            return new FormProblemException("invalid-submission", $"The form has {errors.Count} error(s); nothing was saved.",
                new Dictionary<string, object?> { ["errors"] = report["errors"] });
        }
    }
}
