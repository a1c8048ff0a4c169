using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.FormDefinitions;
using Workflow.Engine.Validation;

namespace Workflow.Application.Workflows;

public sealed record DefinitionDto(Guid Id, string Key, int Version, string? Name, string ContentHash, DefinitionStatus Status,
    Guid? CreatedById, DateTimeOffset CreatedAt, Guid? PublishedById, DateTimeOffset? PublishedAt, Guid? UnpublishedById, DateTimeOffset? UnpublishedAt,
    int? RevertedFrom)
{
    public static DefinitionDto From(WorkflowDefinition d) => new(d.Id, d.Key, d.Version, d.Name, d.ContentHash, d.Status, d.CreatedById, d.CreatedAt,
        d.PublishedById, d.PublishedAt, d.UnpublishedById, d.UnpublishedAt, d.RevertedFrom);
}

/// <summary>Every problem of a definition, each naming its element: a 422 that lists them all.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<Engine.Model.ValidationError> errors)
    : DomainException("invalid-definition", $"The definition has {errors.Count} problem(s): " +
        string.Join("; ", errors.Select(e => $"{e.Element}: {e.Message}")), unprocessable: true)
{
    public IReadOnlyList<Engine.Model.ValidationError> Errors { get; } = errors;

    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["errors"] = Errors.Select(e => new { element = e.Element, message = e.Message }).ToArray() };
}

public static class DeployDefinition
{
    public sealed record Result(DefinitionDto Definition, bool Created);

    /// <summary>
    /// Validates the whole definition; content identical to the latest version of its key creates
    /// nothing, changed content becomes version N+1 as a draft (published at once with Publish).
    /// </summary>
    public sealed record Command(string Xml, bool Publish = false) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Xml).NotEmpty().MaximumLength(Engine.Reading.BpmnReader.DefaultMaxCharacters);
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            // User tasks may name any form that has been imported (the shipped ones are imported at start-up).
            var formKeys = await db.FormDefinitions().Select(f => f.Key).Distinct().ToListAsync(ct);
            var report = DefinitionValidator.Validate(command.Xml, WorkflowCatalogue.WithForms(formKeys));
            if (!report.IsValid)
                throw new InvalidDefinitionException(report.Errors.Count > 0 ? report.Errors : [new("definitions", "the definition cannot be read")]);
            var process = report.Definition!;
            // Timer start events are scheduled at publication, with no variables to work an expression out from.
            if (process.TimerStarts.Where(s => Engine.Expressions.ValueOrExpression.IsExpression(s.Timer!.Value))
                    .Select(s => new Engine.Model.ValidationError(s.Id, "a timer start event needs an ISO 8601 text, not an expression (there are no variables yet)"))
                    .ToList() is { Count: > 0 } unscheduled)
                throw new InvalidDefinitionException(unscheduled);
            var by = user.IsAuthenticated ? user.Id : (Guid?)null;
            var now = clock.GetUtcNow();

            var latest = await db.WorkflowDefinitions.Where(d => d.Key == process.Id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
            var created = latest is null || latest.ContentHash != process.ContentHash;
            var definition = created
                ? WorkflowDefinition.Create(process.Id, (latest?.Version ?? 0) + 1, process.Name, command.Xml, process.ContentHash, by, now)
                : latest!;
            if (created)
                db.WorkflowDefinitions.Add(definition);
            if (command.Publish && definition.Status != DefinitionStatus.Published)
                await PublishDefinition.Publish(db, definition, by, now, ct);
            await db.SaveChangesAsync(ct);
            return new Result(DefinitionDto.From(definition), created);
        }
    }
}
