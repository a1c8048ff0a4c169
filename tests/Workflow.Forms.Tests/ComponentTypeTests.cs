namespace Workflow.Forms.Tests;

/// <summary>Component types beyond the basic ones, with the data model and paths @formio/core gives them.</summary>
public class ComponentTypeTests
{
    private const string Required = """{"type":"textfield","key":"name","input":true,"validate":{"required":true}}""";
    private const string ManualModeCondition = "show = _.get(instance, 'parent.manualMode', false);";

    [Fact]
    public void Unknown_type_is_validated_as_a_generic_value() =>
        Forms.Errors("""[{"type":"myowntype","key":"x","input":true,"validate":{"required":true,"minLength":3}}]""", """{"x":"ab"}""")
            .ShouldBe(["x:minLength"]);

    [Fact]
    public void Unknown_type_that_is_no_input_keeps_its_children_at_its_level() =>
        Forms.Errors($$"""[{"type":"myLayout","key":"l","input":false,"components":[{{Required}}]}]""", "{}").ShouldBe(["name:required"]);

    [Fact]
    public void Unknown_type_with_a_value_nests_its_children_under_its_key() =>
        Forms.Errors($$"""[{"type":"myowntype","key":"x","input":true,"components":[{{Required}}]}]""", """{"name":"top level","x":{}}""")
            .ShouldBe(["x.name:required"]);

    [Fact]
    public void Nested_form_children_are_validated_under_its_data() =>
        Forms.Errors($$"""[{"type":"form","key":"applicant","input":true,"components":[{{Required}}]}]""", """{"applicant":{"data":{"name":""}}}""")
            .ShouldBe(["applicant.data.name:required"]);

    [Fact]
    public void Nested_form_value_outside_its_data_does_not_count() =>
        Forms.Errors($$"""[{"type":"form","key":"applicant","input":true,"components":[{{Required}}]}]""", """{"applicant":{"name":"Ann"}}""")
            .ShouldBe(["applicant.data.name:required"]);

    [Fact]
    public void Hidden_nested_form_is_not_validated() =>
        Forms.Errors($$"""[{"type":"form","key":"applicant","input":true,"hidden":true,"components":[{{Required}}]}]""", "{}").ShouldBeEmpty();

    [Fact]
    public void Nested_form_in_a_grid_row_without_value_is_not_validated() =>
        Forms.Errors($$"""[{"type":"datagrid","key":"grid","input":true,"components":[{"type":"form","key":"f","input":true,"components":[{{Required}}]}]}]""",
            """{"grid":[{"f":{"data":{}}},{}]}""").ShouldBe(["grid[0].f.data.name:required"]);

    [Fact]
    public void Nested_wizard_pages_are_validated() =>
        Forms.Errors($$"""[{"type":"form","key":"f","input":true,"display":"wizard","components":[{"type":"panel","key":"page","input":false,"components":[{{Required}}]}]}]""", "{}")
            .ShouldBe(["f.data.name:required"]);

    [Fact]
    public void Calculated_value_in_a_nested_form_is_written_under_its_data()
    {
        var result = Forms.Validate("""
            [{"type":"form","key":"f","input":true,"components":[{"type":"textfield","key":"a","input":true,"calculateValue":"value = 'x'","calculateServer":true}]}]
            """, "{}");
        result.Data.ToJsonString().ShouldBe("""{"f":{"data":{"a":"x"}}}""");
    }

    [Fact]
    public void Required_address_in_manual_mode_needs_every_part_but_address2()
    {
        const string address = """[{"type":"address","key":"home","input":true,"enableManualMode":true,"validate":{"required":true}}]""";
        Forms.Errors(address, """{"home":{"mode":"manual","address":{"address1":"Rue 1","address2":"","city":"Gembloux","state":"","country":"BE","zip":"5030"}}}""")
            .ShouldBe(["home:required"]);
        Forms.Errors(address, """{"home":{"mode":"manual","address":{"address1":"Rue 1","address2":"","city":"Gembloux","state":"Namur","country":"BE","zip":"5030"}}}""")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Required_address_accepts_a_provider_value() =>
        Forms.Errors("""[{"type":"address","key":"home","input":true,"provider":"nominatim","validate":{"required":true}}]""",
            """{"home":{"display_name":"Rue 1, Gembloux","lat":"50.5","lon":"4.6"}}""").ShouldBeEmpty();

    [Fact]
    public void Address_with_manual_mode_keeps_a_provider_value_as_core_normalizes_it()
    {
        var result = Forms.Validate("""[{"type":"address","key":"home","input":true,"enableManualMode":true}]""", """{"home":{"display_name":"Rue 1"}}""");
        result.Data.ToJsonString().ShouldBe("""{"home":{"mode":"autocomplete","address":{"display_name":"Rue 1"}}}""");
    }

    [Fact]
    public void Condition_finds_a_manual_mode_address_empty_as_core_does() =>
        Forms.Errors("""[{"type":"address","key":"home","input":true,"enableManualMode":true},{"type":"textfield","key":"why","input":true,"validate":{"required":true},"conditional":{"show":true,"conjunction":"all","conditions":[{"component":"home","operator":"isEmpty"}]}}]""",
            """{"home":{"mode":"manual","address":{"address1":"Rue 1"}}}""").ShouldBe(["why:required"]);

    [Fact]
    public void Address_fields_from_the_builder_are_not_a_failing_script() =>
        Forms.Errors($$"""[{"type":"address","key":"home","input":true,"components":[{"type":"textfield","key":"address1","input":true,"customConditional":"{{ManualModeCondition}}"}]}]""",
            """{"home":{"mode":"manual","address":{"address1":"Rue 1"}}}""").ShouldBeEmpty();

    [Fact]
    public void Tagpad_item_children_are_validated_under_each_item_data() =>
        Forms.Errors($$"""[{"type":"tagpad","key":"tags","input":true,"components":[{{Required}}]}]""", """{"tags":[{"coordinates":{},"data":{}},{"data":{"name":"a"}}]}""")
            .ShouldBe(["tags[0].data.name:required"]);

    [Fact]
    public void Required_data_map_needs_a_key() =>
        Forms.Errors("""[{"type":"datamap","key":"map","input":true,"validate":{"required":true}}]""", """{"map":{}}""").ShouldBe(["map:required"]);

    [Fact]
    public void Required_file_needs_a_file() =>
        Forms.Errors("""[{"type":"file","key":"file","input":true,"storage":"base64","validate":{"required":true}}]""", """{"file":[]}""").ShouldBe(["file:required"]);
}
