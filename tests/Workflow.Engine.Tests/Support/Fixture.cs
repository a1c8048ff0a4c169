using Workflow.Engine.Model;
using Workflow.Engine.Reading;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Support;

public static class Fixture
{
    public static string Xml(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Reads a fixture and insists that it is valid, so execution tests never run a broken definition.</summary>
    public static ProcessDefinition Load(string name)
    {
        var report = DefinitionValidator.Validate(Xml(name));
        report.Errors.ShouldBeEmpty($"{name} should be valid");
        return report.Definition!;
    }

    public static BpmnReadResult Read(string name) => BpmnReader.Read(Xml(name));
}
