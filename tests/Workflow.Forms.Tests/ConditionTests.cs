namespace Workflow.Forms.Tests;

public class ConditionTests
{
    private const string Control = """{"type":"textfield","key":"ctl","input":true}""";

    private static string Dependent(string conditional, string extra = "") =>
        $$"""{"type":"textfield","key":"a","input":true,"validate":{"required":true},{{conditional}}{{extra}}}""";

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Simple_conditional_shows_the_field_when_the_value_equals(string value, bool validated) =>
        Forms.Errors($"[{Control},{Dependent("\"conditional\":{\"show\":true,\"when\":\"ctl\",\"eq\":\"yes\"}")}]", $$"""{"ctl":"{{value}}"}""")
            .ShouldBe(validated ? ["a:required"] : []);

    [Fact]
    public void Simple_conditional_with_show_false_hides_on_equality() =>
        Forms.Errors($"[{Control},{Dependent("\"conditional\":{\"show\":false,\"when\":\"ctl\",\"eq\":\"yes\"}")}]", """{"ctl":"yes"}""")
            .ShouldBeEmpty();

    private static string Conditions(string conjunction, string conditions) =>
        "\"conditional\":{\"show\":true,\"conjunction\":\"" + conjunction + "\",\"conditions\":[" + conditions + "]}";

    private const string CtlIsYes = """{"component":"ctl","operator":"isEqual","value":"yes"}""";
    private const string NIsBig = """{"component":"n","operator":"greaterThan","value":5}""";
    private const string Number = """{"type":"number","key":"n","input":true}""";

    [Theory]
    [InlineData("all", "yes", 9, true)]
    [InlineData("all", "yes", 1, false)]
    [InlineData("any", "no", 9, true)]
    [InlineData("any", "no", 1, false)]
    public void Conditions_combine_with_their_conjunction(string conjunction, string ctl, int n, bool validated) =>
        Forms.Errors($"[{Control},{Number},{Dependent(Conditions(conjunction, CtlIsYes + "," + NIsBig))}]", $$"""{"ctl":"{{ctl}}","n":{{n}}}""")
            .ShouldBe(validated ? ["a:required"] : []);

    [Theory]
    [InlineData("isNotEqual", "\"yes\"", "\"no\"", true)]
    [InlineData("isEmpty", "null", "\"\"", true)]
    [InlineData("isEmpty", "null", "\"x\"", false)]
    [InlineData("isNotEmpty", "null", "\"x\"", true)]
    [InlineData("includes", "\"ell\"", "\"hello\"", true)]
    [InlineData("startsWith", "\"he\"", "\"hello\"", true)]
    [InlineData("endsWith", "\"he\"", "\"hello\"", false)]
    public void Condition_operators_follow_formio(string op, string compared, string value, bool validated) =>
        Forms.Errors(
            $"[{Control},{Dependent(Conditions("all", "{\"component\":\"ctl\",\"operator\":\"" + op + "\",\"value\":" + compared + "}"))}]",
            "{\"ctl\":" + value + "}")
            .ShouldBe(validated ? ["a:required"] : []);

    [Theory]
    [InlineData("lessThan", 4, true)]
    [InlineData("lessThan", 5, false)]
    [InlineData("greaterThanOrEqual", 5, true)]
    [InlineData("lessThanOrEqual", 6, false)]
    public void Numeric_operators_compare_numbers(string op, int n, bool validated) =>
        Forms.Errors($"[{Number},{Dependent(Conditions("all", "{\"component\":\"n\",\"operator\":\"" + op + "\",\"value\":5}"))}]", "{\"n\":" + n + "}")
            .ShouldBe(validated ? ["a:required"] : []);

    [Fact]
    public void Hidden_value_is_cleared_when_clear_on_hide()
    {
        var result = Forms.Validate($"[{Control},{Dependent("\"conditional\":{\"show\":true,\"when\":\"ctl\",\"eq\":\"yes\"}")}]", """{"ctl":"no","a":"kept?"}""");
        result.IsValid.ShouldBeTrue();
        result.Data.ContainsKey("a").ShouldBeFalse();
    }

    [Fact]
    public void Hidden_value_is_kept_when_clear_on_hide_is_false()
    {
        var result = Forms.Validate($"[{Control},{Dependent("\"conditional\":{\"show\":true,\"when\":\"ctl\",\"eq\":\"yes\"}", ",\"clearOnHide\":false")}]", """{"ctl":"no","a":"kept"}""");
        result.Data["a"]!.GetValue<string>().ShouldBe("kept");
    }

    [Fact]
    public void Children_of_a_hidden_panel_are_not_validated() =>
        Forms.Errors(
            "[" + Control + """,{"type":"panel","key":"p","input":false,"conditional":{"show":true,"when":"ctl","eq":"yes"},"components":[{"type":"textfield","key":"b","input":true,"validate":{"required":true}}]}]""",
            """{"ctl":"no"}""")
            .ShouldBeEmpty();

    [Fact]
    public void Component_marked_hidden_is_not_validated_but_keeps_its_value()
    {
        var result = Forms.Validate("""[{"type":"textfield","key":"a","input":true,"hidden":true,"validate":{"maxLength":1}}]""", """{"a":"long"}""");
        result.IsValid.ShouldBeTrue();
        result.Data["a"]!.GetValue<string>().ShouldBe("long");
    }

    [Fact]
    public void Condition_inside_a_grid_reads_the_same_row() =>
        Forms.Errors(
            $$"""[{"type":"datagrid","key":"g","input":true,"components":[{{Control}},{{Dependent(Conditions("all", """{"component":"g.ctl","operator":"isEqual","value":"yes"}"""))}}]}]""",
            """{"g":[{"ctl":"yes"},{"ctl":"no"}]}""")
            .ShouldBe(["g[0].a:required"]);

    [Fact]
    public void Custom_conditional_script_decides_visibility() =>
        Forms.Errors($"[{Control},{Dependent("\"customConditional\":\"show = data.ctl === 'yes';\"")}]", """{"ctl":"yes"}""")
            .ShouldBe(["a:required"]);
}
