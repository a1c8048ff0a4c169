using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Forms.Schema;

namespace Workflow.Application.FormDefinitions;

/// <summary>A refusal that carries more than a reason: the component path of a malformed schema, the per-field errors of a submission.</summary>
public sealed class FormProblemException(string reason, string message, IReadOnlyDictionary<string, object?> details)
    : DomainException(reason, message, unprocessable: true)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details;

    public override IReadOnlyDictionary<string, object?> Extensions => Details;
}

/// <summary>
/// Reads form versions and keeps their parsed schemas: a version never changes, so a schema is
/// parsed once per content hash and shared.
/// </summary>
public sealed class FormCatalog
{
    private readonly ConcurrentDictionary<string, FormSchema> parsed = new(StringComparer.Ordinal);

    public const string KeyPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Parses a schema to import, or refuses it with the reason and the component path (422 malformed-form).</summary>
    public static FormSchema Parse(JsonObject schema)
    {
        try
        {
            return FormSchemaParser.Parse(schema);
        }
        catch (FormSchemaException e)
        {
            throw new FormProblemException("malformed-form", $"The form cannot be imported: {e.Message}",
                new Dictionary<string, object?> { ["path"] = e.Location ?? "", ["problem"] = e.Reason });
        }
    }

    /// <summary>
    /// The schema of a stored version. A version imported before nested forms naming another form were refused keeps
    /// being read as it was then (nothing checked under such a nested form), so that the tasks pinned to it still open.
    /// </summary>
    public FormSchema SchemaOf(FormDefinition definition) =>
        parsed.GetOrAdd(definition.ContentHash, _ => FormSchemaParser.Parse(definition.Schema, references: NestedFormReferences.Unchecked));

    public static Task<FormDefinition?> Latest(AppDbContext db, string key, CancellationToken ct) =>
        db.FormDefinitions().Where(f => f.Key == key).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);

    public static async Task<FormDefinition> Load(AppDbContext db, string key, int version, CancellationToken ct) =>
        await db.FormDefinitions().SingleOrDefaultAsync(f => f.Key == key && f.Version == version, ct)
        ?? throw new NotFoundException("Form version", $"{key} v{version}");
}
