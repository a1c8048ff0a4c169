namespace Workflow.Forms.Tests;

public class ContainerTests
{
    private const string Required = """{"type":"textfield","key":"name","input":true,"validate":{"required":true}}""";

    [Theory]
    [InlineData($$"""{"type":"panel","key":"p","input":false,"components":[{{Required}}]}""")]
    [InlineData($$"""{"type":"fieldset","key":"p","input":false,"components":[{{Required}}]}""")]
    [InlineData($$"""{"type":"well","key":"p","input":false,"components":[{{Required}}]}""")]
    [InlineData($$"""{"type":"columns","key":"p","input":false,"columns":[{"components":[]},{"components":[{{Required}}]}]}""")]
    [InlineData($$"""{"type":"table","key":"p","input":false,"rows":[[{"components":[]},{"components":[{{Required}}]}]]}""")]
    [InlineData($$"""{"type":"tabs","key":"p","input":false,"components":[{"key":"t1","components":[{{Required}}]}]}""")]
    public void Layout_components_keep_their_children_at_the_parent_data_level(string layout) =>
        Forms.Errors($"[{layout}]", "{}").ShouldBe(["name:required"]);

    [Fact]
    public void Container_nests_its_children_under_its_key() =>
        Forms.Errors($$"""[{"type":"container","key":"address","input":true,"components":[{{Required}}]}]""", """{"address":{}}""")
            .ShouldBe(["address.name:required"]);

    [Fact]
    public void Data_grid_rows_are_indexed_in_the_path() =>
        Forms.Errors($$"""[{"type":"datagrid","key":"grid","input":true,"components":[{{Required}}]}]""", """{"grid":[{"name":"a"},{},{"name":""}]}""")
            .ShouldBe(["grid[1].name:required", "grid[2].name:required"]);

    [Fact]
    public void Edit_grid_rows_are_indexed_in_the_path() =>
        Forms.Errors($$"""[{"type":"editgrid","key":"rows","input":true,"components":[{{Required}}]}]""", """{"rows":[{}]}""")
            .ShouldBe(["rows[0].name:required"]);

    [Fact]
    public void Absent_grid_is_validated_as_one_empty_row_as_formio_does() =>
        Forms.Errors($$"""[{"type":"datagrid","key":"grid","input":true,"components":[{{Required}}]}]""", "{}")
            .ShouldBe(["grid[0].name:required"]);

    [Fact]
    public void Empty_grid_has_no_row_to_validate() =>
        Forms.Errors($$"""[{"type":"datagrid","key":"grid","input":true,"components":[{{Required}}]}]""", """{"grid":[]}""").ShouldBeEmpty();

    [Fact]
    public void Grids_nest_inside_grids_and_containers() =>
        Forms.Errors(
            $$"""[{"type":"container","key":"k","input":true,"components":[{"type":"datagrid","key":"outer","input":true,"components":[{"type":"datagrid","key":"inner","input":true,"components":[{{Required}}]}]}]}]""",
            """{"k":{"outer":[{"inner":[{"name":"x"},{}]}]}}""")
            .ShouldBe(["k.outer[0].inner[1].name:required"]);

    [Fact]
    public void Wizard_pages_are_panels_whose_fields_are_all_validated()
    {
        var result = Forms.Validate(
            $$"""[{"type":"panel","key":"page1","input":false,"components":[{{Required}}]},{"type":"panel","key":"page2","input":false,"components":[{"type":"email","key":"mail","input":true}]}]""",
            """{"mail":"bad"}""", display: "wizard");
        result.Errors.Select(e => $"{e.Path}:{e.Rule}").Order().ShouldBe(["mail:email", "name:required"]);
    }

    [Fact]
    public void Wizard_lists_its_pages()
    {
        var schema = Workflow.Forms.Schema.FormSchemaParser.Parse(
            """{"display":"wizard","components":[{"type":"panel","key":"one","components":[]},{"type":"panel","key":"two","components":[]}]}""");
        schema.Pages.Select(p => p.Key).ShouldBe(["one", "two"]);
    }
}
