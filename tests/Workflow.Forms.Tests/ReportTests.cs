using System.Text.Json.Nodes;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

public class ReportTests
{
    [Fact]
    public void Report_lists_path_rule_and_message_in_the_asked_language()
    {
        var result = Forms.Validate(
            """[{"type":"datagrid","key":"grid","input":true,"components":[{"type":"email","key":"mail","label":"Mail","input":true}]}]""",
            """{"grid":[{"mail":"bad"}]}""");
        var expected = JsonNode.Parse("""{"valid":false,"errors":[{"path":"grid[0].mail","rule":"email","message":"Mail doit être une adresse e-mail valide"}]}""");
        JsonNode.DeepEquals(ValidationReport.ToJson(result, "fr"), expected).ShouldBeTrue();
    }

    [Fact]
    public void Report_of_a_valid_submission_has_no_error() =>
        ValidationReport.ToJson(Forms.Validate("""[{"type":"textfield","key":"a","input":true}]""", """{"a":"x"}""")).ToJsonString()
            .ShouldBe("""{"valid":true,"errors":[]}""");
}
