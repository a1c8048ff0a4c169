using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Workflow.Application.Workflows;
using Workflow.Engine.Model;
using Workflow.Engine.Validation;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>
/// The designer saves what bpmn-js's model (bpmn-moddle, with our wf descriptor) writes. Each shipped
/// definition, imported and exported by the real bpmn-moddle, must read back in the engine as the same
/// definition: nothing we execute is lost or changed by a save from the designer.
/// </summary>
public sealed class ModdleCompatibilityTests
{
    private static readonly XNamespace Wf = "http://workflow.example/schema/bpmn";
    private const string Script = "tests/Workflow.Tests/Workflows/moddle/roundtrip.mjs";

    [Theory]
    [InlineData("expertise.bpmn")]
    [InlineData("follow-up.bpmn")]
    public async Task A_shipped_definition_saved_by_bpmn_moddle_reads_back_as_the_same_definition(string file)
    {
        var xml = File.ReadAllText(Path.Combine(Node.RepositoryRoot, "workflows", file));
        var descriptor = JsonNode.Parse(File.ReadAllText(Path.Combine(Node.RepositoryRoot, "src/Workflow.Engine/Reading/wf.moddle.json")));

        var result = await Node.Run(Script, new JsonObject { ["xml"] = xml, ["descriptor"] = descriptor }.ToJsonString());

        result.GetProperty("warnings").EnumerateArray().ShouldBeEmpty();
        var exported = result.GetProperty("xml").GetString()!;
        exported.ShouldStartWith("<?xml");

        // The model held every wf element as its declared type, with the same attributes.
        var declared = descriptor!["types"]!.AsArray().Select(t => "wf:" + t!["name"]!.GetValue<string>()).ToHashSet();
        var seen = result.GetProperty("extensions").EnumerateArray().Select(e => (
            Element: e.GetProperty("element").GetString(), Type: e.GetProperty("type").GetString()!,
            Attributes: string.Join(";", e.GetProperty("attributes").EnumerateObject().OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $"{a.Name}={a.Value.GetString()}")))).ToList();
        seen.ShouldAllBe(e => declared.Contains(e.Type));
        var original = XDocument.Parse(xml).Descendants().Where(e => e.Name.Namespace == Wf).Select(e => (
            Element: (string?)e.Parent!.Parent!.Attribute("id"), Type: "wf:" + char.ToUpperInvariant(e.Name.LocalName[0]) + e.Name.LocalName[1..],
            Attributes: string.Join(";", e.Attributes().OrderBy(a => a.Name.LocalName, StringComparer.Ordinal).Select(a => $"{a.Name.LocalName}={a.Value}")))).ToList();
        original.ShouldNotBeEmpty();
        seen.ShouldBe(original, ignoreOrder: true);

        // The engine reads the exported text to the same definition: same elements, same settings.
        var before = DefinitionValidator.Validate(xml, WorkflowCatalogue.Catalogue);
        var after = DefinitionValidator.Validate(exported, WorkflowCatalogue.Catalogue);
        before.Errors.ShouldBeEmpty();
        after.Errors.ShouldBeEmpty();
        after.Definition!.Nodes.Keys.ShouldBe(before.Definition!.Nodes.Keys, ignoreOrder: true);
        after.Definition.Flows.Keys.ShouldBe(before.Definition.Flows.Keys, ignoreOrder: true);
        var diff = DefinitionDiff.Compare(before.Definition, after.Definition);
        diff.Added.ShouldBeEmpty();
        diff.Removed.ShouldBeEmpty();
        diff.Changed.ShouldBeEmpty();
        JsonSerializer.Serialize(after.Definition.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
            .ShouldBe(JsonSerializer.Serialize(before.Definition.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal)));
    }
}
