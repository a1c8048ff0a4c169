using System.Text.Json;

namespace Workflow.Forms.Tests;

/// <summary>JSON Logic as json-logic-js evaluates it, seen through validate.json and conditional.json.</summary>
public class JsonLogicTests
{
    private const string Data = """{"s":"abc","n":5,"z":0,"e":"","arr":[1,2,3],"obj":{"a":1,"b":"x"},"nul":null,"grid":[{"x":1},{"x":3}],"f":"v"}""";

    private const string Hidden = """
        {"type":"hidden","key":"s","input":true},{"type":"hidden","key":"n","input":true},{"type":"hidden","key":"z","input":true},
        {"type":"hidden","key":"e","input":true},{"type":"hidden","key":"arr","input":true},{"type":"hidden","key":"obj","input":true},
        {"type":"hidden","key":"nul","input":true},{"type":"datagrid","key":"grid","input":true,"components":[{"type":"number","key":"x","input":true}]}
        """;

    private static string Form(string json) =>
        "[" + Hidden + """,{"type":"textfield","key":"f","label":"F","input":true,"validate":{"json":""" + json + "}}]";

    /// <summary>True when the expression's result is the expected value (compared with ===, arrays through their text).</summary>
    private static bool Gives(string expression, object expected)
    {
        var logic = expected is string[] items
            ? $$"""{"if":[{"===":[{"cat":[{{expression}}]},{{JsonSerializer.Serialize(string.Join(",", items))}}]},true,"differs"]}"""
            : $$"""{"if":[{"===":[{{expression}},{{JsonSerializer.Serialize(expected)}}]},true,"differs"]}""";
        return Forms.Errors(Form(logic), Data).Length == 0;
    }

    [Theory]
    [InlineData("""{"==":[{"var":"data.n"},"5"]}""", true)]
    [InlineData("""{"===":[{"var":"data.n"},"5"]}""", false)]
    [InlineData("""{"==":[null,0]}""", false)]
    [InlineData("""{"==":[{"var":"data.arr"},"1,2,3"]}""", true)]
    [InlineData("""{"<":[1,{"var":"data.n"},10]}""", true)]
    [InlineData("""{"<=":[5,5,4]}""", false)]
    [InlineData("""{"<":["10","9"]}""", true)]
    [InlineData("""{"!!":[[]]}""", false)]
    [InlineData("""{"!":{"var":"data.z"}}""", true)]
    [InlineData("""{"in":["b",{"var":"data.s"}]}""", true)]
    [InlineData("""{"in":["2",{"var":"data.arr"}]}""", false)]
    [InlineData("""{"all":[{"var":"data.grid"},{">":[{"var":"x"},0]}]}""", true)]
    [InlineData("""{"some":[[],true]}""", false)]
    [InlineData("""{"none":[{"var":"data.arr"},{">":[{"var":""},3]}]}""", true)]
    [InlineData("""{"!!":{"missing_some":[1,["data.s","data.e"]]}}""", false)]
    public void Operators_follow_json_logic_js(string expression, bool result) =>
        Gives(expression, result).ShouldBeTrue();

    [Theory]
    [InlineData("""{"+":["1",2,"3.5"]}""", 6.5)]
    [InlineData("""{"*":[2,"3"]}""", 6d)]
    [InlineData("""{"-":[5]}""", -5d)]
    [InlineData("""{"%":[-7,3]}""", -1d)]
    [InlineData("""{"max":[1,"7",3]}""", 7d)]
    [InlineData("""{"reduce":[{"var":"data.arr"},{"+":[{"var":"current"},{"var":"accumulator"}]},0]}""", 6d)]
    [InlineData("""{"var":"data.s.length"}""", 3d)]
    [InlineData("""{"var":"data.grid.1.x"}""", 3d)]
    [InlineData("""{"_sumBy":[{"var":"data.grid"},"x"]}""", 4d)]
    [InlineData("""{"_round":[1.005,2]}""", 1.01)]
    public void Numbers_are_computed_as_in_javascript(string expression, double result) =>
        Gives(expression, result).ShouldBeTrue();

    [Theory]
    [InlineData("""{"cat":["a",1,null,true]}""", "a1true")]
    [InlineData("""{"substr":["jsonlogic",-5]}""", "logic")]
    [InlineData("""{"substr":["jsonlogic",1,-3]}""", "sonlo")]
    [InlineData("""{"var":["data.missing","default"]}""", "default")]
    [InlineData("""{"var":"data.obj.b"}""", "x")]
    [InlineData("""{"var":"input"}""", "v")]
    [InlineData("""{"var":"component.key"}""", "f")]
    [InlineData("""{"if":[{"var":"data.z"},"no",{"var":"data.e"},"no2","else"]}""", "else")]
    [InlineData("""{"or":[0,"",{"var":"data.s"}]}""", "abc")]
    [InlineData("""{"_padStart":["5",3,"0"]}""", "005")]
    [InlineData("""{"_add":["1",2]}""", "12")]
    [InlineData("""{"_capitalize":["hELLO"]}""", "Hello")]
    public void Texts_are_computed_as_in_javascript(string expression, string result) =>
        Gives(expression, result).ShouldBeTrue();

    [Theory]
    [InlineData("""{"merge":[[1,2],[3],4]}""", new[] { "1", "2", "3", "4" })]
    [InlineData("""{"map":[{"var":"data.arr"},{"*":[{"var":""},2]}]}""", new[] { "2", "4", "6" })]
    [InlineData("""{"filter":[{"var":"data.arr"},{"%":[{"var":""},2]}]}""", new[] { "1", "3" })]
    [InlineData("""{"missing":["data.s","data.e","data.nul"]}""", new[] { "data.e", "data.nul" })]
    [InlineData("""{"_difference":[[1,2,3],[2]]}""", new[] { "1", "3" })]
    public void Lists_are_computed_as_in_javascript(string expression, string[] items) =>
        Gives(expression, items).ShouldBeTrue();

    [Fact]
    public void Json_rule_reports_the_message_the_logic_gives()
    {
        var error = Forms.Validate(Form("""{"if":[{"===":[{"var":"input"},"ok"]},true,"Say ok"]}"""), Data).Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("f");
        error.Rule.ShouldBe("json");
        error.Message("en").ShouldBe("Say ok");
    }

    [Fact]
    public void Json_rule_that_gives_false_reports_the_generic_message() =>
        Forms.Validate(Form("""{"===":[{"var":"input"},"ok"]}"""), Data).Errors.ShouldHaveSingleItem().Message("en").ShouldBe("F is invalid");

    [Fact]
    public void Json_rule_whose_logic_fails_passes_as_in_core() =>
        Forms.Errors(Form("""{"getDate":[null]}"""), Data).ShouldBeEmpty();

    [Fact]
    public void Json_conditional_hides_and_clears_a_field()
    {
        const string form = """
            [{"type":"textfield","key":"k","input":true},
             {"type":"textfield","key":"a","input":true,"validate":{"required":true},"conditional":{"json":{"==":[{"var":"data.k"},"show"]}}},
             {"type":"textfield","key":"b","input":true,"validate":{"required":true},"conditional":{"json":{"!!":{"var":"data.a"}}}}]
            """;
        Forms.Errors(form, """{"k":"show"}""").ShouldBe(["a:required"]);
        var hidden = Forms.Validate(form, """{"k":"other","a":"typed"}""");
        hidden.Errors.ShouldBeEmpty();
        hidden.Data.ContainsKey("a").ShouldBeFalse();
    }

    [Fact]
    public void Json_conditional_in_a_grid_reads_its_row() =>
        Forms.Errors(
            """[{"type":"datagrid","key":"g","input":true,"components":[{"type":"checkbox","key":"on","input":true},{"type":"textfield","key":"t","input":true,"validate":{"required":true},"conditional":{"json":{"var":"row.on"}}}]}]""",
            """{"g":[{"on":false},{"on":true}]}""")
            .ShouldBe(["g[1].t:required"]);

    [Fact]
    public void Json_calculated_value_replaces_the_submitted_one() =>
        Forms.Validate(
            """[{"type":"number","key":"n","input":true},{"type":"number","key":"c","input":true,"calculateServer":true,"calculateValue":{"*":[{"var":"data.n"},2]},"validate":{"max":10}}]""",
            """{"n":6,"c":1}""")
            .Errors.ShouldHaveSingleItem().Path.ShouldBe("c");
}
