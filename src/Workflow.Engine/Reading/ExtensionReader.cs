using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Workflow.Engine.Model;

namespace Workflow.Engine.Reading;

/// <summary>
/// Reads our "wf" extension elements. Any other extension is reported, because an instruction
/// the engine does not understand must not be silently ignored.
/// </summary>
internal sealed class ExtensionReader(List<ValidationError> problems)
{
    public UserTaskSpec ReadUserTask(XElement element, string id)
    {
        var definition = Extension(element, "taskDefinition");
        return new UserTaskSpec(
            Attr(definition, "formKey"),
            Attr(definition, "assignee"),
            Attr(definition, "candidateRole"),
            Attr(definition, "dueDate"));
    }

    public ServiceTaskSpec ReadServiceTask(XElement element, string id)
    {
        var command = Extension(element, "command");
        var retry = RetryPolicy.Default;
        if (Attr(command, "retries") is { } retries)
        {
            if (int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts is >= 1 and <= 100)
                retry = retry with { Attempts = attempts };
            else
                problems.Add(new(id, $"retries '{retries}' is not a whole number from 1 to 100"));
        }
        if (Attr(command, "retryBackoff") is { } backoff)
        {
            try
            {
                retry = retry with { Backoff = XmlConvert.ToTimeSpan(backoff) };
            }
            catch (FormatException)
            {
                problems.Add(new(id, $"retryBackoff '{backoff}' is not an ISO 8601 duration"));
            }
        }
        return new ServiceTaskSpec(Attr(command, "name"), Mappings(element, id, "input"), Mappings(element, id, "output"), retry);
    }

    public MessageSpec ReadMessage(XElement element, string id, string? messageName)
    {
        var message = Extension(element, "message");
        var eventType = Attr(message, "eventType") ?? messageName;
        if (string.IsNullOrWhiteSpace(eventType))
            problems.Add(new(id, "the message event names no domain event type (wf:message eventType or a named bpmn:message)"));
        return new MessageSpec(eventType ?? "", Attr(message, "condition"), Attr(message, "correlation"), Attr(message, "resultVariable"));
    }

    public void RejectUnexpected(XElement element, string id, IReadOnlyCollection<string> allowed)
    {
        var container = element.Element(BpmnNames.Model + "extensionElements");
        if (container is null)
            return;
        foreach (var extension in container.Elements())
        {
            if (extension.Name.Namespace == BpmnNames.Wf && allowed.Contains(extension.Name.LocalName))
                continue;
            problems.Add(new(id, $"extension element '{extension.Name.LocalName}' ({extension.Name.NamespaceName}) is not understood here"));
        }
    }

    private List<Mapping> Mappings(XElement element, string id, string name)
    {
        var mappings = new List<Mapping>();
        foreach (var mapping in Extensions(element, name))
        {
            var target = Attr(mapping, "target");
            var expression = Attr(mapping, "expression");
            if (string.IsNullOrWhiteSpace(target) || string.IsNullOrWhiteSpace(expression))
                problems.Add(new(id, $"wf:{name} needs both a target and an expression"));
            else
                mappings.Add(new Mapping(target, expression));
        }
        return mappings;
    }

    private static XElement? Extension(XElement element, string name) => Extensions(element, name).FirstOrDefault();

    private static IEnumerable<XElement> Extensions(XElement element, string name) =>
        element.Element(BpmnNames.Model + "extensionElements")?.Elements(BpmnNames.Wf + name) ?? [];

    private static string? Attr(XElement? element, string name)
    {
        var value = (string?)element?.Attribute(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
