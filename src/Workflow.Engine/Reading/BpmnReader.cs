using System.Text;
using System.Xml;
using System.Xml.Linq;
using Workflow.Engine.Model;

namespace Workflow.Engine.Reading;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js saves it. Whatever the input, it answers with errors rather than exceptions,
/// because definitions come from users and from files on disk.
/// </summary>
public static class BpmnReader
{
    public const int DefaultMaxCharacters = 5_000_000;

    public static BpmnReadResult Read(string? xml, int maxCharacters = DefaultMaxCharacters)
    {
        if (string.IsNullOrWhiteSpace(xml))
            return Fail("definitions", "the file is empty");
        if (xml.Length > maxCharacters)
            return Fail("definitions", $"the file is larger than {maxCharacters} characters");
        try
        {
            return Parse(xml, maxCharacters);
        }
        catch (XmlException e)
        {
            return Fail("definitions", $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Fail("definitions", $"the file cannot be read: {e.Message}");
        }
    }

    public static BpmnReadResult Read(Stream stream, int maxCharacters = DefaultMaxCharacters)
    {
        try
        {
            using var reader = new StreamReader(stream);
            var text = new StringBuilder();
            var buffer = new char[64 * 1024];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                // Stop at the limit rather than read a huge stream whole.
                if (text.Length + read > maxCharacters)
                    return Fail("definitions", $"the file is larger than {maxCharacters} characters");
                text.Append(buffer, 0, read);
            }
            return Read(text.ToString(), maxCharacters);
        }
        catch (Exception e) when (e is IOException or DecoderFallbackException or ObjectDisposedException or NotSupportedException)
        {
            return Fail("definitions", $"the file cannot be read: {e.Message}");
        }
    }

    private static BpmnReadResult Parse(string xml, int maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
        };
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, settings);
        var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        var root = document.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
            return Fail("definitions", $"the root element is {root.Name.LocalName} in namespace '{root.Name.NamespaceName}', not BPMN 2.0 definitions");

        var problems = new List<ValidationError>();
        CheckRootChildren(root, problems);
        var processes = root.Elements(BpmnNames.Model + "process").ToList();
        if (processes.Count == 0)
            return Fail("definitions", "the file holds no process");
        if (processes.Count > 1)
            problems.Add(new("definitions", "the file holds more than one process; deploy one process per file"));

        var process = processes[0];
        var id = (string?)process.Attribute("id");
        if (string.IsNullOrWhiteSpace(id))
            return Fail("process", "the process has no id");

        var builder = new ProcessBuilder(root, problems);
        builder.ReadContainer(process, parentId: null);
        builder.Link();
        return new BpmnReadResult(new ProcessDefinition
        {
            Id = id,
            Name = (string?)process.Attribute("name"),
            Xml = xml,
            Nodes = builder.Nodes,
            Flows = builder.Flows,
            ReadProblems = problems,
        }, problems);
    }

    private static void CheckRootChildren(XElement root, List<ValidationError> problems)
    {
        foreach (var child in root.Elements())
        {
            if (child.Name.Namespace == BpmnNames.Di)
                continue;
            var name = child.Name.LocalName;
            if (child.Name.Namespace == BpmnNames.Model && name is "process" or "message" or "error" or "documentation" or "extensionElements")
                continue;
            if (child.Name.Namespace == BpmnNames.Model && name == "collaboration")
            {
                CheckCollaboration(child, problems);
                continue;
            }
            problems.Add(new((string?)child.Attribute("id") ?? name, $"unsupported element '{name}'"));
        }
    }

    private static void CheckCollaboration(XElement collaboration, List<ValidationError> problems)
    {
        foreach (var child in collaboration.Elements())
        {
            var name = child.Name.LocalName;
            if (child.Name.Namespace == BpmnNames.Model && (name == "participant" || BpmnNames.Decorations.Contains(name)))
                continue;
            problems.Add(new((string?)child.Attribute("id") ?? name, $"unsupported element '{name}' in the collaboration"));
        }
    }

    private static BpmnReadResult Fail(string element, string message) =>
        new(null, [new ValidationError(element, message)]);
}
