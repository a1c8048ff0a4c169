using System.Text.Json.Nodes;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Workflows;

public static class StartInstance
{
    /// <summary>
    /// Starts the published version of a definition (or the version named) at its plain start event,
    /// on a dossier if one is given (its id becomes the variable dossierId, the default correlation).
    /// </summary>
    public sealed record Command(string Key, Guid? DossierId = null, int? Version = null, JsonObject? Variables = null) : ICommand<InstanceSummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Key).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Version).GreaterThan(0).When(c => c.Version is not null);
            RuleFor(c => c.Variables).Must(v => v!.ToJsonString().Length <= 100_000).When(c => c.Variables is not null)
                .WithMessage("Variables are limited to 100 kB.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, WorkflowRuntime runtime) : IRequestHandler<Command, InstanceSummary>
    {
        public async Task<InstanceSummary> Handle(Command command, CancellationToken ct)
        {
            var definition = command.Version is { } version
                ? await DefinitionLookup.Load(db, command.Key, version, ct)
                : await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Key == command.Key && d.Status == DefinitionStatus.Published, ct)
                  ?? throw new NotFoundException("Published workflow definition", command.Key);
            if (command.DossierId is { } dossierId)
                await db.LoadVisible(dossierId, user, ct);
            var variables = command.Variables?.DeepClone().AsObject() ?? [];
            if (command.DossierId is not null)
                variables["dossierId"] = command.DossierId.Value.ToString();
            var instance = await runtime.StartAsync(definition, command.DossierId,
                async (engine, process, caller, id) => await engine.StartAsync(process, variables, null, caller, id, ct), ct);
            return InstanceSummary.From(instance!);
        }
    }
}
