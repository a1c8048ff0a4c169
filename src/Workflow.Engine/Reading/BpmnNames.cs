using System.Xml.Linq;

namespace Workflow.Engine.Reading;

public static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Our extension namespace, prefix "wf", for what BPMN leaves to the engine.</summary>
    public static readonly XNamespace Wf = "http://workflow.example/schema/bpmn";
    public const string WfPrefix = "wf";

    /// <summary>Elements that describe or decorate a diagram and are never executed, so they are safe to ignore.</summary>
    public static readonly IReadOnlySet<string> Decorations = new HashSet<string>(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "incoming", "outgoing", "textAnnotation",
        "association", "group", "laneSet",
    };
}
