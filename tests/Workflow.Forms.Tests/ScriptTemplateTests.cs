namespace Workflow.Forms.Tests;

/// <summary>The legacy {{ … }} placeholders of validate.custom, replaced by core before the script runs.</summary>
public class ScriptTemplateTests
{
    private const string Form = """
        [{"type":"textfield","key":"trigger","input":true},
         {"type":"textfield","key":"foo","input":true,"validate":{"custom":"valid = {{ data.trigger }}.toString() == 'true'"}}]
        """;

    [Fact]
    public void Placeholder_is_replaced_by_the_value_before_the_script_runs()
    {
        Forms.Errors(Form, """{"trigger":"true","foo":"x"}""").ShouldBeEmpty();
        Forms.Errors(Form, """{"trigger":"false","foo":"x"}""").ShouldBe(["foo:custom"]);
    }

    [Theory]
    [InlineData("""{"g":[{"t":"yes"}]}""", new string[0])]
    [InlineData("""{"g":[{"t":"no"}]}""", new[] { "g[0].f:custom" })]
    public void Placeholder_reads_the_row_and_takes_the_first_truthy_alternative(string data, string[] errors) =>
        Forms.Errors(
            """[{"type":"datagrid","key":"g","input":true,"components":[{"type":"textfield","key":"t","input":true},{"type":"textfield","key":"f","input":true,"validate":{"custom":"valid = '{{ data.missing || row.t }}' === 'yes'"}}]}]""",
            data)
            .ShouldBe(errors);

    [Fact]
    public void Missing_value_becomes_the_text_undefined() =>
        Forms.Errors(
            """[{"type":"textfield","key":"f","input":true,"validate":{"custom":"valid = '{{ data.nothing }}' === 'undefined'"}}]""",
            "{}")
            .ShouldBeEmpty();
}
