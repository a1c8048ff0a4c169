using System.Globalization;
using System.Xml.Linq;

namespace Workflow.Tests.Browser;

/// <summary>
/// Gives a test definition written without a diagram (see Workflows/Bpmn.cs) the BPMN DI bpmn-js needs to
/// draw it: its flow nodes in one row, boundary events on their activity, straight edges.
/// </summary>
public static class Diagrams
{
    private static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace DdDi = "http://www.omg.org/spec/DD/20100524/DI";

    public static string Laid(string xml)
    {
        var document = XDocument.Parse(xml.Trim());
        var root = document.Root!;
        root.Add(new XAttribute(XNamespace.Xmlns + "bpmndi", Di), new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "di", DdDi));
        var process = root.Element(Model + "process")!;
        var plane = new XElement(Di + "BPMNPlane", new XAttribute("id", "Plane_1"), new XAttribute("bpmnElement", (string)process.Attribute("id")!));
        var bounds = new Dictionary<string, (double X, double Y, double W, double H)>();

        var x = 100.0;
        foreach (var node in process.Elements().Where(e => e.Name.LocalName is not ("sequenceFlow" or "boundaryEvent" or "extensionElements")))
        {
            var (w, h) = node.Name.LocalName switch
            {
                var n when n.EndsWith("Event", StringComparison.Ordinal) => (36.0, 36.0),
                var n when n.EndsWith("Gateway", StringComparison.Ordinal) => (50.0, 50.0),
                _ => (100.0, 80.0),
            };
            bounds[(string)node.Attribute("id")!] = (x, 200 - h / 2, w, h);
            x += w + 80;
        }
        foreach (var boundary in process.Elements(Model + "boundaryEvent"))
        {
            var host = bounds[(string)boundary.Attribute("attachedToRef")!];
            bounds[(string)boundary.Attribute("id")!] = (host.X + host.W - 30, host.Y + host.H - 18, 36, 36);
        }
        foreach (var (id, b) in bounds)
            plane.Add(new XElement(Di + "BPMNShape", new XAttribute("id", $"{id}_di"), new XAttribute("bpmnElement", id),
                new XElement(Dc + "Bounds", new XAttribute("x", N(b.X)), new XAttribute("y", N(b.Y)), new XAttribute("width", N(b.W)), new XAttribute("height", N(b.H)))));
        foreach (var flow in process.Elements(Model + "sequenceFlow"))
        {
            var (from, to) = (bounds[(string)flow.Attribute("sourceRef")!], bounds[(string)flow.Attribute("targetRef")!]);
            plane.Add(new XElement(Di + "BPMNEdge", new XAttribute("id", $"{(string)flow.Attribute("id")!}_di"), new XAttribute("bpmnElement", (string)flow.Attribute("id")!),
                Point(from.X + from.W, from.Y + from.H / 2), Point(to.X, to.Y + to.H / 2)));
        }
        root.Add(new XElement(Di + "BPMNDiagram", new XAttribute("id", "Diagram_1"), plane));
        return document.Declaration + document.ToString();
    }

    private static XElement Point(double x, double y) => new(DdDi + "waypoint", new XAttribute("x", N(x)), new XAttribute("y", N(y)));

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
