using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.Model;

namespace Workflow.Application.Workflows;

public static class ListDefinitions
{
    public sealed record Item(string Key, string? Name, int LatestVersion, int? PublishedVersion, DateTimeOffset UpdatedAt);

    /// <summary>One line per key: its latest version and the one published.</summary>
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.WorkflowDefinitions.AsNoTracking()
                .Select(d => new { d.Key, d.Name, d.Version, d.Status, d.CreatedAt }).ToListAsync(ct);
            return rows.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var latest = g.MaxBy(r => r.Version)!;
                return new Item(g.Key, latest.Name, latest.Version, g.FirstOrDefault(r => r.Status == DefinitionStatus.Published)?.Version, latest.CreatedAt);
            }).ToList();
        }
    }
}

public static class DefinitionHistory
{
    /// <summary>Every version of a key, newest first, with who made and published it and when.</summary>
    public sealed record Query(string Key) : IQuery<IReadOnlyList<DefinitionDto>>;

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, IReadOnlyList<DefinitionDto>>
    {
        public async Task<IReadOnlyList<DefinitionDto>> Handle(Query query, CancellationToken ct)
        {
            var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Key == query.Key).OrderByDescending(d => d.Version).ToListAsync(ct);
            return versions.Count == 0
                ? throw new Common.NotFoundException("Workflow definition", query.Key)
                : versions.Select(DefinitionDto.From).ToList();
        }
    }
}

public static class ExportDefinition
{
    /// <summary>The XML of a version exactly as it was deployed.</summary>
    public sealed record Query(string Key, int Version) : IQuery<string>;

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken ct) => (await DefinitionLookup.Load(db, query.Key, query.Version, ct)).Xml;
    }
}

public static class DiffDefinitions
{
    /// <summary>What changed from one version to another: elements added, removed, changed, or only the diagram.</summary>
    public sealed record Query(string Key, int From, int To) : IQuery<DefinitionDiff>;

    internal sealed class Handler(AppDbContext db, DefinitionCache cache) : IRequestHandler<Query, DefinitionDiff>
    {
        public async Task<DefinitionDiff> Handle(Query query, CancellationToken ct)
        {
            var from = await DefinitionLookup.Load(db, query.Key, query.From, ct);
            var to = await DefinitionLookup.Load(db, query.Key, query.To, ct);
            return DefinitionDiff.Compare(cache.Get(from), cache.Get(to));
        }
    }
}
