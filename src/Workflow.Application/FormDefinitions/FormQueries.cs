using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.FormDefinitions;

public sealed record FormVersionDto(string Key, int Version, string Title, string ContentHash, Guid? CreatedById, DateTimeOffset CreatedAt)
{
    internal static FormVersionDto From(FormDefinition f) => new(f.Key, f.Version, f.Title, f.ContentHash, f.CreatedById, f.CreatedAt);
}

public sealed record FormSummary(string Key, string Title, int LatestVersion, int Versions, DateTimeOffset UpdatedAt);

public sealed record FormVersionSchema(FormVersionDto Form, JsonObject Schema);

public static class ListForms
{
    public sealed record Query : IQuery<IReadOnlyList<FormSummary>>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<FormSummary>>
    {
        public async Task<IReadOnlyList<FormSummary>> Handle(Query query, CancellationToken ct)
        {
            var versions = await db.FormDefinitions().AsNoTracking()
                .Select(f => new { f.Key, f.Version, f.Title, f.CreatedAt }).ToListAsync(ct);
            return versions.GroupBy(v => v.Key)
                .Select(g => g.MaxBy(v => v.Version)!)
                .Select(l => new FormSummary(l.Key, l.Title, l.Version, versions.Count(v => v.Key == l.Key), l.CreatedAt))
                .OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        }
    }
}

public static class FormVersions
{
    public sealed record Query(string Key) : IQuery<IReadOnlyList<FormVersionDto>>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<FormVersionDto>>
    {
        public async Task<IReadOnlyList<FormVersionDto>> Handle(Query query, CancellationToken ct)
        {
            var versions = await db.FormDefinitions().AsNoTracking().Where(f => f.Key == query.Key).OrderBy(f => f.Version).ToListAsync(ct);
            return versions.Count == 0 ? throw new NotFoundException("Form", query.Key) : versions.Select(FormVersionDto.From).ToList();
        }
    }
}

public static class GetFormVersion
{
    /// <summary>A version's schema; without a version, the latest.</summary>
    public sealed record Query(string Key, int? Version = null) : IQuery<FormVersionSchema>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, FormVersionSchema>
    {
        public async Task<FormVersionSchema> Handle(Query query, CancellationToken ct)
        {
            var form = query.Version is { } v
                ? await FormCatalog.Load(db, query.Key, v, ct)
                : await FormCatalog.Latest(db, query.Key, ct) ?? throw new NotFoundException("Form", query.Key);
            return new FormVersionSchema(FormVersionDto.From(form), JsonNode.Parse(form.Schema)!.AsObject());
        }
    }
}
