namespace Workflow.Forms.Tests;

/// <summary>Day and datetime bounds, day parts and several masks, as the Form.io server checks them.</summary>
public class DateBoundTests
{
    private const string DayFields = """ "fields":{"day":{"hide":false},"month":{"hide":false},"year":{"hide":false}} """;

    [Theory]
    [InlineData("04/02/2023", "f:maxDate")]
    [InlineData("04/01/2023", "")]
    [InlineData("00/00/2023", "")]
    public void Day_is_bounded_by_maxDate(string value, string expected) =>
        Forms.Errors($$"""[{"type":"day","key":"f","input":true,{{DayFields}},"maxDate":"2023-04-01"}]""", $$"""{"f":"{{value}}"}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Day_first_day_before_minDate_is_refused_in_french() =>
        Forms.Validate($$"""[{"type":"day","key":"f","label":"Visite","input":true,{{DayFields}},"dayFirst":true,"minDate":"2023-04-01"}]""", """{"f":"31/03/2023"}""")
            .Errors.Single().Message("fr").ShouldBe("Visite ne peut pas être antérieur au 2023-04-01");

    [Theory]
    [InlineData("\"maxYear\":\"2022\"", "01/22/2023", "f:maxYear")]
    [InlineData("\"minYear\":2020", "01/22/2019", "f:minYear")]
    [InlineData("\"minYear\":2020", "01/22/2021", "")]
    public void Day_year_is_bounded(string setting, string value, string expected) =>
        Forms.Errors($$"""[{"type":"day","key":"f","input":true,{{DayFields}},{{setting}}}]""", $$"""{"f":"{{value}}"}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("01/00/2024", "f:day")]
    [InlineData("01/05/2024", "")]
    public void Required_day_part_must_be_given(string value, string expected) =>
        Forms.Errors("""[{"type":"day","key":"f","input":true,"fields":{"day":{"required":true},"month":{},"year":{}}}]""", $$"""{"f":"{{value}}"}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("2024-05-01T23:00:00", "")]
    [InlineData("2024-05-02T00:00:00", "f:maxDate")]
    [InlineData("0000-00-00T00:00:00Z", "f:date,f:maxDate")]
    public void Datetime_without_time_is_bounded_by_the_end_of_the_maxDate_day(string value, string expected) =>
        Forms.Errors("""[{"type":"datetime","key":"f","input":true,"widget":{"type":"calendar","enableTime":false,"maxDate":"2024-05-01"}}]""", $$"""{"f":"{{value}}"}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private const string Masks = """ "allowMultipleMasks":true,"inputMasks":[{"label":"Short","mask":"999-9999"},{"label":"Long","mask":"(999) 999-9999"}] """;

    [Theory]
    [InlineData("""{"maskName":"Short","value":"555-1234"}""", "")]
    [InlineData("""{"maskName":"Short","value":"(555) 123-4567"}""", "f:mask")]
    [InlineData("\"(555) 123-4567\"", "f:mask")]
    [InlineData("""{"maskName":"Long","value":""}""", "f:required")]
    public void Value_with_several_masks_matches_the_mask_it_names(string value, string expected) =>
        Forms.Errors($$$"""[{"type":"phoneNumber","key":"f","input":true,{{{Masks}}},"validate":{"required":true}}]""", $$"""{"f":{{value}}}""")
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
}
