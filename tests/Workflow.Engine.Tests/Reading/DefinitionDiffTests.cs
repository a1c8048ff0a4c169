using Workflow.Engine.Model;
using Workflow.Engine.Reading;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Reading;

public class DefinitionDiffTests
{
    private static ProcessDefinition Read(string xml) => BpmnReader.Read(xml).Definition!;

    [Fact]
    public void Identical_definitions_differ_in_nothing()
    {
        var xml = Fixture.Xml("user-task.bpmn");

        DefinitionDiff.Compare(Read(xml), Read(xml)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Moved_shapes_are_a_diagram_change_only()
    {
        var xml = Fixture.Xml("user-task.bpmn");

        var diff = DefinitionDiff.Compare(Read(xml), Read(xml.Replace("x=\"160\"", "x=\"180\"")));

        diff.DiagramChanged.ShouldBeTrue();
        diff.Changed.ShouldBeEmpty();
    }

    [Fact]
    public void Added_removed_and_changed_elements_are_listed()
    {
        var diff = DefinitionDiff.Compare(Fixture.Load("user-task.bpmn"), Fixture.Load("user-task-v2.bpmn"));

        diff.Added.Select(a => a.Id).ShouldBe(["Flow_3", "Notify", "PlanMeeting"]);
        diff.Removed.Single().Id.ShouldBe("Plan");
        diff.Changed.ShouldContain(c => c.Id == "Flow_2" && c.Change.Contains("ends"));
    }

    [Fact]
    public void A_changed_condition_is_named()
    {
        var xml = Fixture.Xml("exclusive-gateway.bpmn");

        var diff = DefinitionDiff.Compare(Read(xml), Read(xml.Replace("amount &gt; 1000", "amount &gt; 2000")));

        diff.Changed.Single().ShouldBe(new ElementChange("Flow_Big", "changed condition"));
    }

    [Fact]
    public void Content_hash_changes_with_any_change_of_the_file_and_only_then()
    {
        var xml = Fixture.Xml("user-task.bpmn");

        Read(xml).ContentHash.ShouldBe(Read(xml).ContentHash);
        Read(xml).ContentHash.ShouldNotBe(Read(xml.Replace("x=\"160\"", "x=\"161\"")).ContentHash);
        Read(xml).ContentHash.Length.ShouldBe(64);
    }
}
