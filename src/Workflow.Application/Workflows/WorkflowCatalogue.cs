using System.Text.Json;
using Workflow.Application.Common;
using Workflow.Application.Notifications;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Engine.Validation;

namespace Workflow.Application.Workflows;

/// <summary>
/// What a definition may name: the commands a service task can send (an explicit list, never
/// "any type found by reflection"), the form keys a user task can use and the domain events a
/// message event can wait for.
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

    /// <summary>
    /// Event type (the record's name, as the router sends it) → the domain event: every one the application
    /// raises, less the internal ones (<see cref="IInternalEvent"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Type> Events = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t) && !typeof(IInternalEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static Catalogue Catalogue { get; } = Catalogue.Of(Commands.Keys, FormKeys, Events.Keys);

    /// <summary>The catalogue deploying checks against: the forms imported in the database instead of the shipped list.</summary>
    public static Catalogue WithForms(IEnumerable<string> formKeys) => Catalogue.Of(Commands.Keys, formKeys, Events.Keys);

    /// <summary>Inputs and results travel as JSON: camelCase names, kebab-case enum values, as on the API.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
