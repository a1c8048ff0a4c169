using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Names the OpenAPI schemas after their use case: <c>CreateAppointment.Command</c> is
/// <c>CreateAppointmentCommand</c>, <c>AppointmentEndpoints.CancelRequest</c> is
/// <c>AppointmentCancelRequest</c>. The default names a nested type by its own name only, so ten
/// different <c>Command</c>s shared one schema and clients generated from the document got the wrong bodies.
/// </summary>
internal static class SchemaNames
{
    public static string? Of(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null)
            return null;
        var outer = type.Type.IsGenericType ? null : type.Type.DeclaringType;
        if (outer is null)
            return id;
        var prefix = outer.Name.EndsWith("Endpoints", StringComparison.Ordinal) ? outer.Name[..^"Endpoints".Length] : outer.Name;
        return id.StartsWith(prefix, StringComparison.Ordinal) ? id : prefix + id;
    }
}
