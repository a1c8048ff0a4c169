namespace Workflow.Forms.Tests;

/// <summary>What the Form.io server does to values before its rules: defaults, normalisation, filtering.</summary>
public class ServerStepTests
{
    [Fact]
    public void Number_string_is_checked_and_kept_as_its_number()
    {
        var result = Forms.Validate("""[{"type":"number","key":"f","input":true,"validate":{"max":10}}]""", """{"f":"12"}""");
        result.Errors.Select(e => $"{e.Path}:{e.Rule}").ShouldBe(["f:max"]);
        result.Data["f"]!.GetValue<double>().ShouldBe(12);
    }

    [Fact]
    public void Number_text_is_dropped_to_null() =>
        Forms.Validate("""[{"type":"number","key":"f","input":true}]""", """{"f":"abc"}""").Data.ToJsonString().ShouldBe("""{"f":null}""");

    [Fact]
    public void Single_value_of_an_optional_multiple_field_is_kept_as_an_array() =>
        Forms.Validate("""[{"type":"textfield","key":"f","input":true,"multiple":true}]""", """{"f":"a"}""").Data.ToJsonString().ShouldBe("""{"f":["a"]}""");

    [Fact]
    public void Missing_value_gets_the_default_and_its_rules() =>
        Forms.Errors("""[{"type":"textfield","key":"f","input":true,"defaultValue":"hello","validate":{"maxLength":3}}]""", "{}").ShouldBe(["f:maxLength"]);

    [Fact]
    public void Number_gets_no_default_on_the_server() =>
        Forms.Errors("""[{"type":"number","key":"f","input":true,"defaultValue":5,"validate":{"required":true}}]""", "{}").ShouldBe(["f:required"]);

    [Fact]
    public void Time_in_display_format_is_stored_in_data_format()
    {
        var result = Forms.Validate("""[{"type":"time","key":"f","input":true,"format":"hh:mm A","dataFormat":"HH:mm"}]""", """{"f":"09:05 PM"}""");
        result.IsValid.ShouldBeTrue();
        result.Data["f"]!.GetValue<string>().ShouldBe("21:05");
    }

    [Fact]
    public void Email_is_trimmed_and_lower_cased() =>
        Forms.Validate("""[{"type":"email","key":"f","input":true}]""", """{"f":" Jean@Example.COM "}""").Data["f"]!.GetValue<string>().ShouldBe("jean@example.com");

    [Fact]
    public void Select_boxes_given_one_option_name_hold_that_option() =>
        Forms.Validate("""[{"type":"selectboxes","key":"f","input":true,"values":[{"label":"A","value":"a"}]}]""", """{"f":"a"}""").Data.ToJsonString().ShouldBe("""{"f":{"a":true}}""");

    [Fact]
    public void Grid_whose_rows_hold_only_empty_inner_grids_is_missing() =>
        Forms.Errors(
            """[{"type":"datagrid","key":"grid","input":true,"validate":{"required":true},"components":[{"type":"datagrid","key":"inner","input":true,"components":[{"type":"textfield","key":"t","input":true}]}]}]""",
            """{"grid":[{"inner":[{},{}]}]}""").ShouldBe(["grid:required"]);

    [Fact]
    public void Calculated_total_is_normalised_then_bounded() =>
        Forms.Errors(
            """[{"type":"number","key":"a","input":true},{"type":"number","key":"total","input":true,"calculateServer":true,"calculateValue":"value = String((data.a || 0) * 2);","validate":{"max":10}}]""",
            """{"a":"6"}""").ShouldBe(["total:max"]);
}
