using Workflow.Engine.Model;

namespace Workflow.Engine.Reading;

public sealed record BpmnReadResult(ProcessDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Definition is not null;
}
