namespace Workflow.Forms.Tests;

public class MultipleValueTests
{
    private static string Field(string validate) => """[{"type":"textfield","key":"f","input":true,"multiple":true,"validate":{""" + validate + "}}]";

    [Fact]
    public void Required_multiple_component_with_a_single_value_fails_array() =>
        Forms.Errors(Field("\"required\":true"), """{"f":"a"}""").ShouldBe(["f:array"]);

    [Fact]
    public void Optional_multiple_component_takes_a_single_value_as_an_array() =>
        Forms.Errors(Field("\"minLength\":3"), """{"f":"a"}""").ShouldBe(["f:minLength"]);

    [Fact]
    public void Required_multiple_component_with_no_item_fails_twice() =>
        Forms.Errors(Field("\"required\":true"), """{"f":[]}""").ShouldBe(["f:array_nonempty", "f:required"]);

    [Fact]
    public void Item_errors_are_reported_at_the_component_path_once() =>
        Forms.Errors(Field("\"minLength\":3"), """{"f":["a","b","abc"]}""").ShouldBe(["f:minLength"]);

    [Fact]
    public void Single_component_with_an_array_fails_nonarray() =>
        Forms.Errors("""[{"type":"textfield","key":"f","input":true}]""", """{"f":["a"]}""").ShouldBe(["f:nonarray"]);

    [Fact]
    public void Each_email_of_a_multiple_email_is_checked() =>
        Forms.Errors("""[{"type":"email","key":"f","input":true,"multiple":true}]""", """{"f":["a@b.co","bad"]}""").ShouldBe(["f:email"]);
}
