using System.Text.Json.Nodes;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

public class ReportTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Report_lists_path_rule_and_message_in_the_asked_language()
    {
        var result = Forms.Validate(
            """[{"type":"datagrid","key":"grid","input":true,"components":[{"type":"email","key":"mail","label":"Mail","input":true}]}]""",
            """{"grid":[{"mail":"bad"}]}""");
        var expected = JsonNode.Parse("""{"valid":false,"errors":[{"path":"grid[0].mail","rule":"email","message":"Mail doit être une adresse e-mail valide"}]}""");
        var report = ValidationReport.ToJson(result, "fr");
        report.ToJsonString(Unescaped).ShouldBe(expected!.ToJsonString(Unescaped));
    }

    [Fact]
    public void Report_of_a_valid_submission_has_no_error() =>
        ValidationReport.ToJson(Forms.Validate("""[{"type":"textfield","key":"a","input":true}]""", """{"a":"x"}""")).ToJsonString()
            .ShouldBe("""{"valid":true,"errors":[]}""");

    [Theory]
    [InlineData("""[{"type":"email","key":"f","label":"F","input":true}]""", "\"x\"")]
    [InlineData("""[{"type":"url","key":"f","label":"F","input":true}]""", "\"x y\"")]
    [InlineData("""[{"type":"day","key":"f","label":"F","input":true,"fields":{"day":{},"month":{},"year":{}}}]""", "\"13/45/2020\"")]
    [InlineData("""[{"type":"datetime","key":"f","label":"F","input":true}]""", "\"never\"")]
    [InlineData("""[{"type":"phoneNumber","key":"f","label":"F","input":true,"inputMask":"999"}]""", "\"abc\"")]
    [InlineData("""[{"type":"time","key":"f","label":"F","input":true}]""", "\"99:99\"")]
    [InlineData("""[{"type":"radio","key":"f","label":"F","input":true,"values":[{"label":"A","value":"a"}],"validate":{"onlyAvailableItems":true}}]""", "\"z\"")]
    [InlineData("""[{"type":"textfield","key":"f","label":"F","input":true,"multiple":true,"validate":{"required":true}}]""", "\"x\"")]
    public void Every_rule_has_a_readable_message_in_both_languages(string form, string value)
    {
        var error = Forms.Validate(form, "{\"f\":" + value + "}").Errors.ShouldHaveSingleItem();
        error.Message("en").ShouldStartWith("F ");
        error.Message("fr").ShouldStartWith("F ");
    }
}
