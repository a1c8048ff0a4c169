using System.Text.Json.Nodes;
using FluentValidation;
using MediatR;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

public static class CancelInstance
{
    /// <summary>Ends a running instance; its open tasks are withdrawn and its timers removed.</summary>
    public sealed record Command(Guid InstanceId, string Reason) : ICommand<InstanceSummary>, IOnWorkflowInstance;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }

    internal sealed class Handler(WorkflowRuntime runtime) : IRequestHandler<Command, InstanceSummary>
    {
        public async Task<InstanceSummary> Handle(Command command, CancellationToken ct)
        {
            var instance = await runtime.Load(command.InstanceId, ct);
            await runtime.RunAsync(instance, (engine, process, state, caller) => engine.CancelAsync(process, state, command.Reason, caller, ct), ct);
            return InstanceSummary.From(instance);
        }
    }
}

public static class RetryIncident
{
    /// <summary>Runs the failed service task again, now.</summary>
    public sealed record Command(Guid InstanceId, Guid IncidentId) : ICommand<InstanceSummary>, IOnWorkflowInstance;

    internal sealed class Handler(WorkflowRuntime runtime) : IRequestHandler<Command, InstanceSummary>
    {
        public async Task<InstanceSummary> Handle(Command command, CancellationToken ct)
        {
            var instance = await IncidentLookup.Load(runtime, command.InstanceId, command.IncidentId, ct);
            await runtime.RunAsync(instance, (engine, process, state, caller) => engine.RetryIncidentAsync(process, state, command.IncidentId, caller, ct), ct);
            return InstanceSummary.From(instance);
        }
    }
}

public static class SkipIncident
{
    /// <summary>Moves past the failed service task as if it had succeeded, with these variables standing in for its result.</summary>
    public sealed record Command(Guid InstanceId, Guid IncidentId, JsonObject? Variables = null) : ICommand<InstanceSummary>, IOnWorkflowInstance;

    internal sealed class Handler(WorkflowRuntime runtime) : IRequestHandler<Command, InstanceSummary>
    {
        public async Task<InstanceSummary> Handle(Command command, CancellationToken ct)
        {
            var instance = await IncidentLookup.Load(runtime, command.InstanceId, command.IncidentId, ct);
            await runtime.RunAsync(instance, (engine, process, state, caller) =>
                engine.SkipIncidentAsync(process, state, command.IncidentId, command.Variables, caller, ct), ct);
            return InstanceSummary.From(instance);
        }
    }
}

internal static class IncidentLookup
{
    public static async Task<WorkflowInstance> Load(WorkflowRuntime runtime, Guid instanceId, Guid incidentId, CancellationToken ct)
    {
        var instance = await runtime.Load(instanceId, ct);
        if (instance.Status != InstanceStatus.Running)
            throw new DomainException("not-running", $"The instance is {Kebab.Of(instance.Status)}.");
        if (instance.ReadState().Incidents.All(i => i.Id != incidentId))
            throw new NotFoundException("Incident", incidentId);
        return instance;
    }
}
