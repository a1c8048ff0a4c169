using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Engine.Model;
using Workflow.Engine.Reading;

namespace Workflow.Application.Workflows;

/// <summary>Versions never change, so each is read from its XML once per process.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinition> _parsed = new();

    public ProcessDefinition Get(WorkflowDefinition definition) =>
        _parsed.GetOrAdd(definition.Id, _ => Parse(definition.Xml, definition.Key));

    public async Task<ProcessDefinition> Get(AppDbContext db, Guid definitionId, CancellationToken ct)
    {
        if (_parsed.TryGetValue(definitionId, out var known))
            return known;
        var row = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == definitionId, ct)
                  ?? throw new NotFoundException("Workflow definition", definitionId);
        return Get(row);
    }

    public static ProcessDefinition Parse(string xml, string key) =>
        BpmnReader.Read(xml).Definition
        ?? throw new DomainException("unreadable-definition", $"The stored definition '{key}' cannot be read any more.");
}
