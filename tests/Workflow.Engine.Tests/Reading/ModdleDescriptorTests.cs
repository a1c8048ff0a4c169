using System.Text.Json.Nodes;
using System.Xml.Linq;
using Workflow.Engine.Reading;

namespace Workflow.Engine.Tests.Reading;

/// <summary>bpmn-js keeps only what its moddle descriptor declares, so every wf attribute we read must be in it.</summary>
public class ModdleDescriptorTests
{
    [Fact]
    public void Descriptor_declares_every_wf_element_and_attribute_the_definitions_use()
    {
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wf.moddle.json")))!;
        descriptor["uri"]!.GetValue<string>().ShouldBe(BpmnNames.Wf.NamespaceName);
        var declared = descriptor["types"]!.AsArray().ToDictionary(
            type => char.ToLowerInvariant(type!["name"]!.GetValue<string>()[0]) + type["name"]!.GetValue<string>()[1..],
            type => type!["properties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet());

        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.bpmn")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.bpmn"));
        var used = files.SelectMany(f => XDocument.Load(f).Descendants().Where(e => e.Name.Namespace == BpmnNames.Wf)).ToList();

        used.ShouldNotBeEmpty();
        foreach (var element in used)
        {
            declared.ShouldContainKey(element.Name.LocalName);
            foreach (var attribute in element.Attributes())
                declared[element.Name.LocalName].ShouldContain(attribute.Name.LocalName);
        }
    }
}
