namespace Workflow.Forms.Tests;

/// <summary>A component's logic (triggers and actions), run after its conditions as core's logic processor runs it.</summary>
public class FieldLogicTests
{
    private static string Logic(string trigger, string action) =>
        $$"""[{"name":"l","trigger":{{trigger}},"actions":[{{action}}]}]""";

    private const string Hide = """{"name":"a","type":"property","property":{"label":"Hidden","value":"hidden","type":"boolean"},"state":true}""";
    private const string Require = """{"name":"a","type":"property","property":{"label":"Required","value":"validate.required","type":"boolean"},"state":true}""";

    [Fact]
    public void Panel_hidden_by_logic_skips_its_required_child()
    {
        var form = $$$"""
            [{"type":"checkbox","key":"h","input":true},
             {"type":"panel","key":"p","input":false,"logic":{{{Logic("""{"type":"simple","simple":{"show":true,"conjunction":"all","conditions":[{"component":"h","operator":"isEqual","value":true}]}}""", Hide)}}},
              "components":[{"type":"textfield","key":"t","input":true,"validate":{"required":true}}]}]
            """;
        Forms.Errors(form, """{"h":true}""").ShouldBeEmpty();
        Forms.Errors(form, """{"h":false}""").ShouldBe(["t:required"]);
    }

    [Fact]
    public void Field_hidden_by_logic_loses_its_value()
    {
        var form = $$$"""[{"type":"checkbox","key":"h","input":true},{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"json","json":{"var":"data.h"}}""", Hide)}}}}]""";
        Forms.Validate(form, """{"h":true,"t":"x"}""").Data.ContainsKey("t").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"type":"simple","simple":{"show":true,"when":"k","eq":"yes"}}""")]
    [InlineData("""{"type":"json","json":{"==":[{"var":"data.k"},"yes"]}}""")]
    [InlineData("""{"type":"javascript","javascript":"result = data.k === 'yes';"}""")]
    public void Each_trigger_kind_can_make_a_field_required(string trigger)
    {
        var form = $$$"""[{"type":"textfield","key":"k","input":true},{"type":"textfield","key":"t","input":true,"logic":{{{Logic(trigger, Require)}}}}]""";
        Forms.Errors(form, """{"k":"yes"}""").ShouldBe(["t:required"]);
        Forms.Errors(form, """{"k":"no"}""").ShouldBeEmpty();
    }

    [Fact]
    public void Event_trigger_never_fires_on_the_server() =>
        Forms.Errors($$$"""[{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"event","event":"change"}""", Require)}}}}]""", "{}").ShouldBeEmpty();

    [Fact]
    public void Javascript_trigger_that_sets_nothing_fires_as_in_core() =>
        Forms.Errors($$$"""[{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"javascript","javascript":"var x = 1;"}""", Require)}}}}]""", "{}").ShouldBe(["t:required"]);

    [Fact]
    public void Value_action_sets_the_value_the_rules_then_check()
    {
        var form = $$$"""[{"type":"number","key":"k","input":true},{"type":"number","key":"t","input":true,"validate":{"max":10},"logic":{{{Logic("""{"type":"javascript","javascript":"result = data.k > 10;"}""", """{"name":"v","type":"value","value":"value = data.k * 2;"}""")}}}}]""";
        var result = Forms.Validate(form, """{"k":11,"t":1}""");
        result.Errors.ShouldHaveSingleItem().Rule.ShouldBe("max");
        result.Data["t"]!.GetValue<double>().ShouldBe(22);
        Forms.Errors(form, """{"k":3,"t":1}""").ShouldBeEmpty();
    }

    [Fact]
    public void Value_action_sees_the_trigger_result() =>
        Forms.Validate(
            $$$"""[{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"json","json":{"cat":["x","y"]}}""", """{"name":"v","type":"value","value":{"cat":[{"var":"result"},"!"]}}""")}}}}]""",
            "{}").Data["t"]!.GetValue<string>().ShouldBe("xy!");

    [Fact]
    public void Merged_schema_adds_a_rule() =>
        Forms.Errors(
            $$$"""[{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"javascript","javascript":"result = true;"}""", """{"name":"m","type":"mergeComponentSchema","schemaDefinition":"schema = { validate: { required: true } };"}""")}}}}]""",
            "{}").ShouldBe(["t:required"]);

    [Fact]
    public void Logic_shows_a_field_hidden_by_its_schema()
    {
        const string show = """{"name":"a","type":"property","property":{"label":"Hidden","value":"hidden","type":"boolean"},"state":false}""";
        var form = $$$"""[{"type":"checkbox","key":"h","input":true},{"type":"textfield","key":"t","input":true,"hidden":true,"validate":{"required":true},"logic":{{{Logic("""{"type":"javascript","javascript":"result = data.h;"}""", show)}}}}]""";
        Forms.Errors(form, """{"h":true}""").ShouldBe(["t:required"]);
        Forms.Errors(form, """{"h":false}""").ShouldBeEmpty();
    }

    // core changes the form's shared component, so a change made in row 0 stays for the later rows; here each row has its own.
    [Fact]
    public void Logic_in_a_grid_changes_only_the_row_whose_data_fired_it() =>
        Forms.Errors(
            $$$"""[{"type":"datagrid","key":"g","input":true,"components":[{"type":"checkbox","key":"h","input":true},{"type":"textfield","key":"t","input":true,"logic":{{{Logic("""{"type":"javascript","javascript":"result = row.h === true;"}""", Require)}}}}]}]""",
            """{"g":[{"h":true},{"h":false},{"h":true}]}""")
            .ShouldBe(["g[0].t:required", "g[2].t:required"]);

    [Fact]
    public void Failing_trigger_script_is_reported_on_the_field()
    {
        var error = Forms.Validate($$$"""[{"type":"textfield","key":"t","label":"T","input":true,"logic":{{{Logic("""{"type":"javascript","javascript":"throw new Error('boom');"}""", Require)}}}}]""", "{}")
            .Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("t", "logic"));
        error.Message("en").ShouldStartWith("The script of T failed");
    }
}
