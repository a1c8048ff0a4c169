using System.Xml.Linq;
using Workflow.Engine.Model;

namespace Workflow.Engine.Reading;

internal sealed record EventDefinition(EventKind Kind, TimerSpec? Timer, ErrorSpec? Error, string? MessageName);

internal sealed class EventDefinitionReader(XElement root, List<ValidationError> problems)
{
    public EventDefinition Read(XElement element, string id)
    {
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnNames.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .ToList();
        if (definitions.Count == 0)
            return new EventDefinition(EventKind.None, null, null, null);
        if (definitions.Count > 1)
            problems.Add(new(id, "an event with several event definitions is not supported"));

        var definition = definitions[0];
        return definition.Name.LocalName switch
        {
            "messageEventDefinition" => new(EventKind.Message, null, null, MessageName(definition)),
            "timerEventDefinition" => new(EventKind.Timer, ReadTimer(definition, id), null, null),
            "errorEventDefinition" => new(EventKind.Error, null, ReadError(definition, id), null),
            "terminateEventDefinition" => new(EventKind.Terminate, null, null, null),
            var other => Unsupported(id, other),
        };
    }

    private EventDefinition Unsupported(string id, string name)
    {
        problems.Add(new(id, $"unsupported event definition '{name}'"));
        return new EventDefinition(EventKind.None, null, null, null);
    }

    private string? MessageName(XElement definition)
    {
        var reference = (string?)definition.Attribute("messageRef");
        if (reference is null)
            return null;
        return (string?)FindRootElement("message", reference)?.Attribute("name");
    }

    private TimerSpec? ReadTimer(XElement definition, string id)
    {
        (string Name, TimerKind Kind)[] kinds =
            [("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle)];
        foreach (var (name, kind) in kinds)
        {
            if (definition.Element(BpmnNames.Model + name) is { } value)
                return new TimerSpec(kind, value.Value.Trim());
        }
        problems.Add(new(id, "the timer has no date, duration or cycle"));
        return null;
    }

    private ErrorSpec? ReadError(XElement definition, string id)
    {
        var reference = (string?)definition.Attribute("errorRef");
        if (reference is null)
            return new ErrorSpec(null, null);
        var error = FindRootElement("error", reference);
        if (error is null)
        {
            problems.Add(new(id, $"the error '{reference}' it refers to does not exist"));
            return new ErrorSpec(null, null);
        }
        return new ErrorSpec((string?)error.Attribute("errorCode"), (string?)error.Attribute("name"));
    }

    private XElement? FindRootElement(string localName, string id) =>
        root.Elements(BpmnNames.Model + localName).FirstOrDefault(e => (string?)e.Attribute("id") == id);
}
