using System.Collections;
using System.Reflection;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Persistence;

namespace Workflow.Application.Workflows;

/// <summary>
/// What the designer offers in its selects: the catalogue's commands with their input fields, the domain
/// events with their payload fields, the imported forms and the roles. Derived from the types themselves,
/// so a field added to a command shows up without touching the designer.
/// </summary>
public static class DesignerCatalogue
{
    /// <summary>A JSON field: camelCase name, JSON type (string, number, boolean, array, object), required or not.</summary>
    public sealed record Field(string Name, string Type, bool Required);

    public sealed record CommandItem(string Name, IReadOnlyList<Field> Fields);

    public sealed record EventItem(string Type, IReadOnlyList<Field> Fields);

    public sealed record FormItem(string Key, string Title);

    public sealed record Result(IReadOnlyList<CommandItem> Commands, IReadOnlyList<EventItem> Events, IReadOnlyList<FormItem> Forms, IReadOnlyList<string> Roles);

    public sealed record Query : IQuery<Result>;

    internal sealed class Handler(AppDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken ct)
        {
            var forms = await db.FormDefinitions().AsNoTracking().Select(f => new { f.Key, f.Version, f.Title }).ToListAsync(ct);
            return new Result(
                WorkflowCatalogue.Commands.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CommandItem(c.Key, FieldsOf(c.Value))).ToList(),
                WorkflowCatalogue.Events.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new EventItem(e.Key, FieldsOf(e.Value))).ToList(),
                forms.GroupBy(f => f.Key).Select(g => g.MaxBy(f => f.Version)!).OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new FormItem(f.Key, f.Title)).ToList(),
                Common.Roles.All);
        }
    }

    /// <summary>
    /// The record's properties in declaration order. Required: a parameter of the record's constructor with no
    /// default value and a non-nullable type (what the command cannot do without when the JSON omits it).
    /// </summary>
    public static IReadOnlyList<Field> FieldsOf(Type type)
    {
        var nullability = new NullabilityInfoContext(); // not thread-safe: one per call
        var parameters = type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters() ?? [];
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p =>
        {
            var parameter = parameters.FirstOrDefault(a => a.Name == p.Name);
            var required = parameter is { HasDefaultValue: false } && nullability.Create(parameter).WriteState != NullabilityState.Nullable;
            return new Field(JsonNamingPolicy.CamelCase.ConvertName(p.Name), JsonTypeOf(p.PropertyType), required);
        }).ToList();
    }

    private static string JsonTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool))
            return "boolean";
        if (type.IsPrimitive || type == typeof(decimal))
            return "number";
        if (type == typeof(string) || type.IsEnum || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(TimeOnly))
            return "string";
        return typeof(IEnumerable).IsAssignableFrom(type) && !typeof(System.Text.Json.Nodes.JsonObject).IsAssignableFrom(type) ? "array" : "object";
    }
}
