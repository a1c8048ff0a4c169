using Workflow.Engine.Model;

namespace Workflow.Engine.Validation;

internal static class CatalogueRules
{
    public static void Check(ProcessDefinition definition, Catalogue catalogue, List<ValidationError> errors)
    {
        foreach (var node in definition.Nodes.Values)
        {
            if (node.ServiceTask is { } service)
            {
                if (service.Command is null)
                    errors.Add(new(node.Id, "the service task names no command (wf:command name)"));
                else if (catalogue.IsKnownCommand is { } known && !known(service.Command))
                    errors.Add(new(node.Id, $"unknown command '{service.Command}'"));
            }
            if (node.UserTask is { } task && catalogue.IsKnownFormKey is { } knownForm)
            {
                if (task.FormKey is null)
                    errors.Add(new(node.Id, "the user task names no form (wf:taskDefinition formKey)"));
                else if (!knownForm(task.FormKey))
                    errors.Add(new(node.Id, $"unknown form key '{task.FormKey}'"));
            }
            // A typo in an event type would never fire: the host says which types it raises.
            if (node.Message is { EventType.Length: > 0 } message && catalogue.IsKnownEventType is { } knownEvent && !knownEvent(message.EventType))
                errors.Add(new(node.Id, $"unknown event type '{message.EventType}'"));
        }
    }
}
