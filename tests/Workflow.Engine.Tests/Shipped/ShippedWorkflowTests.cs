using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Shipped;

public class ShippedWorkflowTests
{
    /// <summary>What the shipped definitions ask of the application; it must offer these commands and forms.</summary>
    public static readonly Catalogue Application = Catalogue.Of(
        ["Scheduling.BookAppointment", "Scheduling.AssignExpert", "Scheduling.SetAppointmentParties", "Notifications.SendReminder"],
        ["plan-appointment", "expertise-report", "first-meeting"]);

    private static string[] FileNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.bpmn")
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Files() => new(FileNames());

    public static Workflow.Engine.Model.ProcessDefinition Load(string file)
    {
        var report = DefinitionValidator.Validate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", file)), Application);
        report.Errors.ShouldBeEmpty();
        return report.Definition!;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_in_workflows_is_valid(string file) => Load(file).Nodes.ShouldNotBeEmpty();

    [Fact]
    public void The_expertise_and_follow_up_workflows_are_shipped() =>
        FileNames().ShouldBe(["expertise.bpmn", "follow-up.bpmn"], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_workflow_keeps_its_diagram(string file)
    {
        var definition = Load(file);

        foreach (var id in definition.Nodes.Keys.Concat(definition.Flows.Keys))
            definition.Xml.ShouldContain($"bpmnElement=\"{id}\"");
    }
}
