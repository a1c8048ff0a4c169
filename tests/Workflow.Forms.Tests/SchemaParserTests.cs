using Workflow.Forms.Schema;

namespace Workflow.Forms.Tests;

public class SchemaParserTests
{
    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "a form schema is a JSON object")]
    [InlineData("""{"display":"form"}""", "components must be an array")]
    [InlineData("""{"display":"slides","components":[]}""", "display 'slides' is not form or wizard")]
    [InlineData("""{"components":[42]}""", "a component is a JSON object")]
    [InlineData("""{"components":[{"key":"a"}]}""", "a component needs a type")]
    [InlineData("""{"components":[{"type":"textfield","input":true}]}""", "the textfield component needs a key")]
    [InlineData("""{"components":[{"type":"textfield","key":"a b","input":true}]}""", "key 'a b' may hold only letters, digits, '-' and '_'")]
    [InlineData("""{"components":[{"type":"textfield","key":"a"},{"type":"number","key":"a"}]}""", "two components write to 'a'")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":{"pattern":"[a-"}}]}""", "pattern '[a-' is not a regular expression")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":"required"}]}""", "validate must be an object")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","conditional":{"json":{"_sample":[[1,2]]}}}]}""", "JSON Logic operation '_sample' is not supported")]
    [InlineData("""{"components":[{"type":"textfield","key":"a","validate":{"json":{"if":[{"sum":[1,2]},true,"no"]}}}]}""", "JSON Logic operation 'sum' is not supported")]
    public void Malformed_schema_is_refused_with_its_reason(string json, string reason) =>
        Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(json)).Reason.ShouldStartWith(reason);

    [Fact]
    public void Unknown_component_type_is_reported_with_its_place()
    {
        var error = Should.Throw<FormSchemaException>(() => FormSchemaParser.Parse(
            """{"components":[{"type":"panel","key":"p","components":[{"type":"signaturePad","key":"s"}]}]}"""));
        error.Reason.ShouldBe("unknown component type 'signaturePad'");
        error.Location.ShouldBe("components[0].components[0]");
    }

    [Fact]
    public void Type_registered_by_the_application_is_accepted() =>
        FormSchemaParser.Parse("""{"components":[{"type":"signaturePad","key":"s"}]}""", ["signaturePad"]).Components.Single().Type.ShouldBe("signaturePad");

    [Fact]
    public void Appointment_planner_is_a_known_type() =>
        FormSchemaParser.Parse("""{"components":[{"type":"appointmentPlanner","key":"rdv","input":true}]}""").Components.Single().Type.ShouldBe("appointmentPlanner");

    [Fact]
    public void Same_key_in_two_grids_is_allowed() =>
        FormSchemaParser.Parse("""{"components":[{"type":"datagrid","key":"a","components":[{"type":"textfield","key":"x"}]},{"type":"container","key":"b","components":[{"type":"textfield","key":"x"}]}]}""")
            .All().Count().ShouldBe(4);

    [Fact]
    public void Columns_table_and_tabs_children_are_found() =>
        FormSchemaParser.Parse("""
            {"components":[
              {"type":"columns","key":"c","columns":[{"components":[{"type":"textfield","key":"a"}]}]},
              {"type":"table","key":"t","rows":[[{"components":[{"type":"textfield","key":"b"}]}]]},
              {"type":"tabs","key":"s","components":[{"key":"t1","components":[{"type":"textfield","key":"d"}]}]}]}
            """).All().Select(c => c.Key).ShouldBe(["c", "a", "t", "b", "s", "d"]);
}
