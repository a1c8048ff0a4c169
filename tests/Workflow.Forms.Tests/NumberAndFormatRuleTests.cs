namespace Workflow.Forms.Tests;

public class NumberAndFormatRuleTests
{
    [Theory]
    [InlineData("4", "f:min")]
    [InlineData("5", "")]
    [InlineData("11", "f:max")]
    // The server reads a number string as its number before the rules run.
    [InlineData("\"12\"", "f:max")]
    public void Number_bounds_are_checked(string value, string expected) =>
        Forms.Errors("""[{"type":"number","key":"f","input":true,"validate":{"min":5,"max":10}}]""", $$"""{"f":{{value}}}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Currency_is_bounded_like_a_number() =>
        Forms.Errors("""[{"type":"currency","key":"f","input":true,"validate":{"max":100}}]""", """{"f":100.5}""").ShouldBe(["f:max"]);

    [Fact]
    public void Number_component_drops_text_so_a_required_number_is_missing() =>
        Forms.Errors("""[{"type":"number","key":"f","input":true,"validate":{"required":true}}]""", """{"f":"abc"}""").ShouldBe(["f:required"]);

    [Fact]
    public void Required_multiple_number_given_text_is_neither_an_array_nor_a_value() =>
        Forms.Errors("""[{"type":"number","key":"f","input":true,"multiple":true,"validate":{"required":true}}]""", """{"f":"abc"}""").ShouldBe(["f:array", "f:required"]);

    [Theory]
    [InlineData("a@b.co", false)]
    [InlineData("first.last@sub.domain.org", false)]
    [InlineData("a@b", true)]
    [InlineData("no at", true)]
    public void Email_format_is_checked(string value, bool fails) =>
        Forms.Errors("""[{"type":"email","key":"f","input":true}]""", $$"""{"f":"{{value}}"}""").Length.ShouldBe(fails ? 1 : 0);

    [Theory]
    [InlineData("https://example.com/a?b=1", false)]
    [InlineData("example.com", false)]
    [InlineData("http://localhost:3000", false)]
    [InlineData("not a url", true)]
    [InlineData("me@example.com", true)]
    public void Url_format_is_checked(string value, bool fails) =>
        Forms.Errors("""[{"type":"url","key":"f","input":true}]""", $$"""{"f":"{{value}}"}""").Length.ShouldBe(fails ? 1 : 0);

    private const string Day = """[{"type":"day","key":"f","input":true,"fields":{"day":{"hide":false},"month":{"hide":false},"year":{"hide":false}}}]""";

    [Theory]
    [InlineData("02/29/2024", false)]
    [InlineData("02/29/2023", true)]
    [InlineData("04/31/2020", true)]
    [InlineData("13/01/2020", true)]
    public void Day_must_exist_in_the_calendar(string value, bool fails) =>
        Forms.Errors(Day, $$"""{"f":"{{value}}"}""").ShouldBe(fails ? ["f:day"] : []);

    [Fact]
    public void Day_zeros_count_as_no_value_for_required() =>
        Forms.Errors(Day.Replace("\"input\":true", "\"input\":true,\"validate\":{\"required\":true}"), """{"f":"00/00/0000"}""")
            .ShouldContain("f:required");

    [Theory]
    [InlineData("\"2024-05-01T10:00:00Z\"", false)]
    [InlineData("\"2024-05-01\"", false)]
    [InlineData("\"not a date\"", true)]
    [InlineData("\"2024-13-01T00:00:00Z\"", true)]
    [InlineData("5", true)]
    public void Datetime_must_be_a_date(string value, bool fails) =>
        Forms.Errors("""[{"type":"datetime","key":"f","input":true}]""", $$"""{"f":{{value}}}""").ShouldBe(fails ? ["f:date"] : []);

    [Theory]
    [InlineData("(555) 123-4567", false)]
    [InlineData("555-123-4567", true)]
    [InlineData("(55a) 123-4567", true)]
    public void Phone_number_follows_its_input_mask(string value, bool fails) =>
        Forms.Errors("""[{"type":"phoneNumber","key":"f","input":true,"inputMask":"(999) 999-9999"}]""", $$"""{"f":"{{value}}"}""")
            .ShouldBe(fails ? ["f:mask"] : []);
}
