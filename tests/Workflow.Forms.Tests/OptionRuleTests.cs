namespace Workflow.Forms.Tests;

public class OptionRuleTests
{
    private const string Options = """[{"label":"A","value":"a"},{"label":"B","value":"b"},{"label":"C","value":"c"}]""";

    [Fact]
    public void Unchecked_required_checkbox_fails() =>
        Forms.Errors("""[{"type":"checkbox","key":"f","input":true,"validate":{"required":true}}]""", """{"f":false}""").ShouldBe(["f:required"]);

    [Fact]
    public void Checked_required_checkbox_passes() =>
        Forms.Errors("""[{"type":"checkbox","key":"f","input":true,"validate":{"required":true}}]""", """{"f":true}""").ShouldBeEmpty();

    [Fact]
    public void Select_value_outside_its_options_fails_when_only_available_items() =>
        Forms.Errors($$$"""[{"type":"select","key":"f","input":true,"data":{"values":{{{Options}}}},"validate":{"onlyAvailableItems":true}}]""", """{"f":"z"}""")
            .ShouldBe(["f:onlyAvailableItems"]);

    [Fact]
    public void Select_value_outside_its_options_passes_without_only_available_items() =>
        Forms.Errors($$$"""[{"type":"select","key":"f","input":true,"data":{"values":{{{Options}}}}}]""", """{"f":"z"}""").ShouldBeEmpty();

    [Fact]
    public void Radio_value_outside_its_options_fails_when_only_available_items() =>
        Forms.Errors($$$"""[{"type":"radio","key":"f","input":true,"values":{{{Options}}},"validate":{"onlyAvailableItems":true}}]""", """{"f":"z"}""")
            .ShouldBe(["f:onlyAvailableItems"]);

    [Fact]
    public void Select_boxes_with_an_unknown_key_fail_when_only_available_items() =>
        Forms.Errors($$$"""[{"type":"selectboxes","key":"f","input":true,"values":{{{Options}}},"validate":{"onlyAvailableItems":true}}]""", """{"f":{"a":true,"z":false}}""")
            .ShouldBe(["f:onlyAvailableItems"]);

    [Fact]
    public void Select_boxes_with_nothing_ticked_fail_required() =>
        Forms.Errors($$$"""[{"type":"selectboxes","key":"f","input":true,"values":{{{Options}}},"validate":{"required":true}}]""", """{"f":{"a":false,"b":false,"c":false}}""")
            .ShouldBe(["f:required"]);

    [Fact]
    public void Select_boxes_count_their_ticks_against_min_and_max()
    {
        var form = $$$"""[{"type":"selectboxes","key":"f","input":true,"values":{{{Options}}},"validate":{"minSelectedCount":2,"maxSelectedCount":2}}]""";
        Forms.Errors(form, """{"f":{"a":true,"b":false,"c":false}}""").ShouldBe(["f:minSelectedCount"]);
        Forms.Errors(form, """{"f":{"a":true,"b":true,"c":true}}""").ShouldBe(["f:maxSelectedCount"]);
        Forms.Errors(form, """{"f":{"a":true,"b":true,"c":false}}""").ShouldBeEmpty();
    }
}
