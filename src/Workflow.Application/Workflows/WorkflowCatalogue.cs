using System.Text.Json;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Engine.Validation;

namespace Workflow.Application.Workflows;

/// <summary>
/// What a definition may name: the commands a service task can send (an explicit list, never
/// "any type found by reflection") and the form keys a user task can use.
/// </summary>
public static class WorkflowCatalogue
{
    /// <summary>Service-task command name → the MediatR request its input deserialises into.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Commands = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["Scheduling.BookAppointment"] = typeof(BookAppointment.Command),
        ["Scheduling.AssignExpert"] = typeof(AssignExpert.Command),
        ["Scheduling.CancelAppointment"] = typeof(CancelAppointment.Command),
        ["Scheduling.SetAppointmentParties"] = typeof(SetAppointmentParties.Command),
        ["Notifications.SendReminder"] = typeof(SendReminder.Command),
        ["Tasks.CreateTask"] = typeof(CreateTask.Command),
    };

    /// <summary>
    /// The shipped forms: what `workflow bpmn validate` accepts offline. Deploying checks against the
    /// forms imported in the database instead.
    /// </summary>
    public static readonly IReadOnlySet<string> FormKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "plan-appointment", "expertise-report", "first-meeting",
    };

    public static Catalogue Catalogue { get; } = Catalogue.Of(Commands.Keys, FormKeys);

    /// <summary>Inputs and results travel as JSON: camelCase names, kebab-case enum values, as on the API.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
