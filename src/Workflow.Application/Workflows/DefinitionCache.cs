using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Engine.Model;
using Workflow.Engine.Reading;

namespace Workflow.Application.Workflows;

/// <summary>
/// A version's key, number and XML never change, so each is read from the database and parsed once per
/// process. (Its status does change: the row kept here is for its identity, never for its status.)
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, (WorkflowDefinition Row, ProcessDefinition Process)> _versions = new();

    public ProcessDefinition Get(WorkflowDefinition definition) =>
        _versions.GetOrAdd(definition.Id, _ => (definition, Parse(definition.Xml, definition.Key))).Process;

    public async Task<ProcessDefinition> Get(AppDbContext db, Guid definitionId, CancellationToken ct) =>
        (await Version(db, definitionId, ct)).Process;

    public async Task<(WorkflowDefinition Row, ProcessDefinition Process)> Version(AppDbContext db, Guid definitionId, CancellationToken ct)
    {
        if (_versions.TryGetValue(definitionId, out var known))
            return known;
        var row = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == definitionId, ct)
                  ?? throw new NotFoundException("Workflow definition", definitionId);
        return _versions.GetOrAdd(definitionId, _ => (row, Parse(row.Xml, row.Key)));
    }

    public static ProcessDefinition Parse(string xml, string key) =>
        BpmnReader.Read(xml).Definition
        ?? throw new DomainException("unreadable-definition", $"The stored definition '{key}' cannot be read any more.");
}
