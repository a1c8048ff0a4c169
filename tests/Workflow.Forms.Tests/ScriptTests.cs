using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.Scripting;
using Workflow.Forms.Validation;

namespace Workflow.Forms.Tests;

public class ScriptTests
{
    private static string Custom(string script) =>
        """[{"type":"textfield","key":"f","label":"F","input":true,"validate":{"custom":""" + JsonSerializer.Serialize(script) + "}}]";

    [Fact]
    public void Custom_script_message_becomes_the_error_message()
    {
        var error = Forms.Validate(Custom("valid = input === 'ok' ? true : 'Say ok';"), """{"f":"no"}""").Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("custom");
        error.Message("en").ShouldBe("Say ok");
    }

    [Fact]
    public void Custom_script_setting_valid_to_true_passes() =>
        Forms.Errors(Custom("valid = input === 'ok';"), """{"f":"ok"}""").ShouldBeEmpty();

    [Fact]
    public void Custom_script_sees_data_and_row() =>
        Forms.Errors(
            """[{"type":"number","key":"min","input":true},{"type":"number","key":"f","input":true,"validate":{"custom":"valid = input > data.min && row.min === data.min;"}}]""",
            """{"min":5,"f":3}""")
            .ShouldBe(["f:custom"]);

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("function f() { return f(); } f();")]
    [InlineData("var s = 'xxxxxxxx'; for (var i = 0; i < 40; i++) { s = s + s; }")]
    [InlineData("throw new Error('boom');")]
    [InlineData("valid = ;")]
    public void Failing_or_runaway_script_is_reported_as_an_error_not_a_crash(string script)
    {
        var error = Forms.Validate(Custom(script), """{"f":"x"}""").Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("f");
        error.Rule.ShouldBe("custom");
        error.Message("en").ShouldStartWith("The script of F failed");
    }

    // Each limit is tested with the others out of reach, so that a slow machine cannot make the timeout fire first.
    private static ScriptLimits Only(int statements = int.MaxValue, int recursion = 1_000, long bytes = long.MaxValue) =>
        new(TimeSpan.FromMinutes(5), statements, recursion, bytes, 20_000);

    [Fact]
    public void Statement_limit_stops_an_endless_loop()
    {
        var result = new ScriptSandbox(Only(statements: 10_000)).Run("while (true) {}", "valid", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        result.ShouldBe(ScriptResult.Fail("more than 10000 statements"));
    }

    [Fact]
    public void Timeout_stops_a_loop_the_statement_limit_would_allow()
    {
        var limits = ScriptLimits.Default with { MaxStatements = int.MaxValue, MaxAllocatedBytes = long.MaxValue, Timeout = TimeSpan.FromMilliseconds(100) };
        var result = new ScriptSandbox(limits).Run("while (true) {}", "valid", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        result.Failure.ShouldStartWith("ran longer than");
    }

    [Fact]
    public void Memory_limit_stops_a_growing_string()
    {
        var result = new ScriptSandbox(Only(bytes: 64 * 1024 * 1024)).Run("var s = 'xxxxxxxx'; while (true) { s = s + s; }", "valid", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        result.Failure.ShouldStartWith("memory limit");
    }

    [Fact]
    public void Recursion_limit_stops_endless_recursion()
    {
        var result = new ScriptSandbox(Only(recursion: 64)).Run("function f() { return f(); } f();", "valid", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        result.Failure.ShouldStartWith("recursion deeper than");
    }

    [Fact]
    public void Script_cannot_reach_dotnet()
    {
        var result = new ScriptSandbox(ScriptLimits.Default).Run("valid = typeof System === 'undefined' && typeof importNamespace === 'undefined';", "valid", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        result.Value.ShouldBe(true);
    }

    [Fact]
    public void Failing_custom_conditional_is_reported_and_the_field_stays_visible()
    {
        var errors = Forms.Errors("""[{"type":"textfield","key":"f","input":true,"validate":{"required":true},"customConditional":"show = data.x.y;"}]""", "{}");
        errors.ShouldBe(["f:customConditional", "f:required"]);
    }

    // The JavaScript form authors write and browsers run: arrow functions, let and const, template literals,
    // destructuring, optional chaining, ??, includes, spread. Each case of Fixtures/modern-javascript.json names the
    // errors it expects; the agreement test checks that @formio/core reports the same.
    public static TheoryData<string> ModernJavaScriptCases => new(ModernJavaScript().Select(c => c["name"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(ModernJavaScriptCases))]
    public void Scripts_in_the_javascript_browsers_run_work_as_in_formio(string name)
    {
        var item = ModernJavaScript().Single(c => c["name"]!.GetValue<string>() == name);

        var errors = Forms.Errors(item["form"]!["components"]!.ToJsonString(), item["submission"]!["data"]!.ToJsonString());

        errors.ShouldBe(item["errors"]!.AsArray().Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<JsonNode> ModernJavaScript() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "modern-javascript.json")))!.AsArray().Select(c => c!);

    [Theory]
    [InlineData("valid = [1, 2].map(x => x * 2).includes(4) && `${input}` === 'x';", true)]
    [InlineData("const { a, b = 2 } = { a: 1 }; let [c] = [a + b]; valid = c === 3;", true)]
    [InlineData("valid = data?.missing?.deeper ?? 'fallback';", "fallback")]
    [InlineData("valid = [...'ab', ...[1]].length;", 3.0)]
    public void Sandbox_runs_modern_javascript(string script, object expected)
    {
        var result = new ScriptSandbox(ScriptLimits.Default).Run(script, "valid", JsonValue.Create(true), new Dictionary<string, JsonNode?> { ["input"] = "x", ["data"] = new JsonObject() });

        result.Failure.ShouldBeNull();
        result.Value.ShouldBe(expected);
    }

    [Fact]
    public void What_a_script_does_to_its_engine_stays_in_its_own_submission()
    {
        const string script = "valid = typeof Object.prototype.polluted === 'undefined' && typeof leftOver === 'undefined'; Object.prototype.polluted = 1; globalThis.leftOver = 1;";
        var form = Custom(script);

        // Each validation (one submission) has its own engine: the pollution of one is not in the next.
        Forms.Errors(form, """{"f":"x"}""").ShouldBeEmpty();
        Forms.Errors(form, """{"f":"x"}""").ShouldBeEmpty();
        // Within one submission the scripts share an engine, as core's share a realm.
        var sandbox = new ScriptSandbox(ScriptLimits.Default);
        sandbox.Run(script, "valid", JsonValue.Create(true), new Dictionary<string, JsonNode?>()).Value.ShouldBe(true);
        sandbox.Run(script, "valid", JsonValue.Create(true), new Dictionary<string, JsonNode?>()).Value.ShouldBe(false);
    }

    [Fact]
    public void A_script_sees_only_what_it_is_given_not_what_an_earlier_one_was()
    {
        var sandbox = new ScriptSandbox(ScriptLimits.Default);
        sandbox.Run("valid = row.a === 1;", "valid", null, new Dictionary<string, JsonNode?> { ["row"] = new JsonObject { ["a"] = 1 } }).Value.ShouldBe(true);
        sandbox.Run("valid = typeof row === 'undefined';", "valid", null, new Dictionary<string, JsonNode?>()).Value.ShouldBe(true);
        sandbox.Run("valid = row === undefined;", "valid", null, new Dictionary<string, JsonNode?> { ["row"] = null }).Value.ShouldBe(true);
    }

    [Fact]
    public void An_engine_a_script_broke_is_not_used_again()
    {
        var sandbox = new ScriptSandbox(ScriptLimits.Default with { MaxStatements = 1_000 });
        sandbox.Run("globalThis.mark = 1; while (true) {}", "valid", null, new Dictionary<string, JsonNode?>()).Failed.ShouldBeTrue();
        sandbox.Run("valid = typeof mark === 'undefined';", "valid", null, new Dictionary<string, JsonNode?>()).Value.ShouldBe(true);
    }

    [Fact]
    public void Script_limits_are_set_by_the_options()
    {
        var options = new FormValidatorOptions { ScriptLimits = ScriptLimits.Default with { MaxStatements = 5 } };
        Forms.Errors(Custom("var a = 1; a++; a++; a++; a++; a++; a++; valid = true;"), """{"f":"x"}""", options).ShouldBe(["f:custom"]);
        Forms.Errors(Custom("var a = 1; a++; a++; a++; a++; a++; a++; valid = true;"), """{"f":"x"}""").ShouldBeEmpty();
    }
}
