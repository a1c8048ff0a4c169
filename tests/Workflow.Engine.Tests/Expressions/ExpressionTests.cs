using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;

namespace Workflow.Engine.Tests.Expressions;

public class ExpressionTests
{
    private static readonly ExpressionEvaluator Evaluator = new(ExpressionLimits.Default);

    private static ExpressionResult Eval(string expression, string globals = "{}") =>
        Evaluator.Evaluate(expression, JsonNode.Parse(globals)!.AsObject());

    [Fact]
    public void Variables_are_globals_of_the_expression() =>
        Eval("amount > 100 && kind === 'expertise'", """{"amount":150,"kind":"expertise"}""").IsTruthy.ShouldBeTrue();

    [Fact]
    public void Objects_come_back_as_json() =>
        Eval("({ id: dossier.id, n: 1 + 1 })", """{"dossier":{"id":"d-1"}}""").Value!.ToJsonString().ShouldBe("""{"id":"d-1","n":2}""");

    [Theory]
    [InlineData("0", false)]
    [InlineData("''", false)]
    [InlineData("null", false)]
    [InlineData("undefined", false)]
    [InlineData("'x'", true)]
    [InlineData("[]", true)]
    [InlineData("1", true)]
    public void Truthiness_follows_javascript(string expression, bool truthy) => Eval(expression).IsTruthy.ShouldBe(truthy);

    [Fact]
    public void Endless_loop_hits_a_limit_instead_of_hanging()
    {
        var watch = Stopwatch.StartNew();

        var result = Eval("while (true) {}");

        result.Failed.ShouldBeTrue();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Too_many_statements_is_an_error()
    {
        // A generous timeout, so that on a busy machine the statement limit is still the one that trips.
        var counted = new ExpressionEvaluator(ExpressionLimits.Default with { MaxStatements = 1_000, Timeout = TimeSpan.FromSeconds(30) });

        counted.Evaluate("var i = 0; for (;;) { i++; }", []).Error!.ShouldContain("1000 statements");
    }

    [Fact]
    public void Timeout_is_an_error()
    {
        var slow = new ExpressionEvaluator(ExpressionLimits.Default with { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(50) });

        slow.Evaluate("for (;;) {}", []).Error!.ShouldContain("longer than");
    }

    [Fact]
    public void Deep_recursion_is_an_error() =>
        Eval("function f(n) { return f(n + 1); } f(0)").Error!.ShouldContain("recursed");

    [Fact]
    public void Memory_hog_is_an_error()
    {
        var result = Eval("var s = 'xxxxxxxxxxxxxxxx'; for (var i = 0; i < 40; i++) { s = s + s; } s.length");

        result.Error!.ShouldContain("allocated more than");
    }

    [Fact]
    public void Thrown_error_is_reported() => Eval("throw new Error('nope')").Error!.ShouldContain("nope");

    [Fact]
    public void Missing_variable_is_reported_not_thrown() => Eval("nothing.here").Failed.ShouldBeTrue();

    [Fact]
    public void Clr_is_not_reachable() => Eval("typeof System").Value!.GetValue<string>().ShouldBe("undefined");

    [Theory]
    [InlineData("amount >")]
    [InlineData("a b")]
    [InlineData("function(")]
    [InlineData("")]
    public void Syntax_errors_are_found_without_running(string expression) => ExpressionSyntax.Check(expression).ShouldNotBeNull();

    [Fact]
    public void Valid_syntax_passes() => ExpressionSyntax.Check("a > 1 && b.c === 'd'").ShouldBeNull();

    // Pure expressions (conditions, mappings) run on an engine the thread reuses: nothing may carry over.

    [Fact]
    public void A_global_of_one_expression_is_gone_for_the_next()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);

        evaluator.Evaluate("secret + 1", JsonNode.Parse("""{"secret":41}""")!.AsObject()).Value!.GetValue<double>().ShouldBe(42);

        evaluator.Evaluate("typeof secret", []).Value!.GetValue<string>().ShouldBe("undefined");
    }

    [Fact]
    public void A_variable_named_like_a_built_in_does_not_break_the_built_in_for_later_expressions()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);

        evaluator.Evaluate("Date + 1", JsonNode.Parse("""{"Date":1}""")!.AsObject()).Value!.GetValue<double>().ShouldBe(2);

        evaluator.Evaluate("new Date(0).toISOString()", []).Value!.GetValue<string>().ShouldBe("1970-01-01T00:00:00.000Z");
    }

    // The JavaScript designers write and browsers run (Jint 4): each construct, pure or not.
    private const string Dossier = """{"items":[{"amount":150},{"amount":10,"vat":10}],"dossier":{"reference":"D-1","tags":["urgent"],"flags":{"a":1}}}""";

    [Theory]
    [InlineData("items.some(i => i.amount > 100)", "true")]
    [InlineData("items.map(({ amount, vat = 0 }) => amount + vat)", "[150,20]")]
    [InlineData("`${dossier.reference}/${items.length}`", "\"D-1/2\"")]
    [InlineData("dossier?.owner?.name ?? 'nobody'", "\"nobody\"")]
    [InlineData("dossier.owner?.name.length", "null")]
    [InlineData("dossier.tags.includes('urgent')", "true")]
    [InlineData("Math.max(...items.map(i => i.amount))", "150")]
    [InlineData("({ ...dossier.flags, checked: true })", """{"a":1,"checked":true}""")]
    [InlineData("items.find(i => { const big = i.amount > 100; return big; }).amount", "150")]
    [InlineData("items[items.length - 1].amount", "10")]
    [InlineData("const [first, ...rest] = items; let total = first.amount; total + rest.length", "151")]
    [InlineData("let { reference: ref } = dossier; const f = (s = ref) => s.toLowerCase(); f()", "\"d-1\"")]
    public void Modern_javascript_is_evaluated(string expression, string expected)
    {
        var result = Eval(expression, Dossier);

        result.Error.ShouldBeNull();
        (result.Value?.ToJsonString() ?? "null").ShouldBe(expected);
    }

    [Fact]
    public void Modern_syntax_passes_the_syntax_check() =>
        ExpressionSyntax.Check("items?.filter(({ ok }) => ok ?? false).map(i => `${i.id}`).includes('1')").ShouldBeNull();

    [Fact]
    public void Memory_limit_holds_on_the_reused_engine()
    {
        // A pure expression (it runs on the engine the thread keeps); a generous timeout, so that memory is the limit that trips.
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default with { Timeout = TimeSpan.FromSeconds(30) });

        var result = evaluator.Evaluate("'x'.padStart(100000000).length", []);

        result.Error!.ShouldContain("allocated more than");
    }

    [Fact]
    public void Many_threads_running_one_arrow_function_expression_each_see_their_own_variables()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);

        var wrong = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var result = evaluator.Evaluate("items.map(x => x * 2).find(x => x === n * 2) ?? -1", new JsonObject { ["n"] = i, ["items"] = new JsonArray(i - 1, i, i + 1) });
            if (result.Value?.GetValue<double>() != i * 2)
                Interlocked.Increment(ref wrong);
        });

        wrong.ShouldBe(0);
    }

    [Theory]
    [InlineData("['Object.prototype.polluted = \"yes\"'].map(eval)")]
    [InlineData("[Object.prototype].forEach(p => Object.assign(p, { polluted: 'yes' }))")]
    [InlineData("[0].map(() => ({}).constructor.prototype.polluted = 'yes')")]
    [InlineData("({}).constructor.constructor('Object.prototype.polluted = \"yes\"')()")]
    [InlineData("globalThis.polluted = 'yes'")]
    [InlineData("var polluted = 'yes'")]
    [InlineData("const polluted = 'yes'")]
    [InlineData("Object.prototype.polluted = 'yes'")]
    [InlineData("Object.defineProperty(Object.prototype, 'polluted', { value: 'yes' })")]
    [InlineData("[].push.call(Object.prototype, 'yes'); Object.prototype.polluted = 'yes'")]
    [InlineData("var polluted = 'yes'; this.polluted = 'yes'")]
    public void A_script_that_changes_built_ins_leaves_no_trace_for_the_next_expression(string script)
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);
        evaluator.Evaluate("1 + 1", []).Value!.GetValue<double>().ShouldBe(2);

        evaluator.Evaluate(script, []);

        evaluator.Evaluate("typeof ({}).polluted + '/' + typeof polluted", []).Value!.GetValue<string>().ShouldBe("undefined/undefined");
    }

    [Fact]
    public void Reused_engine_restarts_its_clock_for_each_expression()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default with { Timeout = TimeSpan.FromMilliseconds(50) });
        var globals = JsonNode.Parse("""{"a":2}""")!.AsObject();

        // Expressions one after another on the same engine, for longer than the timeout in all.
        var errors = new List<string>();
        var watch = Stopwatch.StartNew();
        var evaluations = 0;
        while (watch.Elapsed < TimeSpan.FromMilliseconds(150) || evaluations < 10)
        {
            if (evaluator.Evaluate("a > 1", globals).Error is { } error)
                errors.Add(error);
            evaluations++;
        }

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Host_functions_and_read_only_built_ins_are_callable_from_pure_expressions()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);
        var functions = new Dictionary<string, Delegate> { ["twice"] = new Func<double, double>(x => 2 * x) };

        var result = evaluator.Evaluate("twice(n) + Math.max(1, parseInt('4')) + name.toUpperCase().length", JsonNode.Parse("""{"n":3,"name":"abc"}""")!.AsObject(), functions);

        result.Value!.GetValue<double>().ShouldBe(13);
    }

    [Fact]
    public void Many_threads_evaluating_at_once_each_see_their_own_variables()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default);

        var wrong = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var result = evaluator.Evaluate("n * 2 + (typeof m === 'undefined' ? 0 : 1000)", new JsonObject { ["n"] = i });
            if (result.Value?.GetValue<double>() != i * 2)
                Interlocked.Increment(ref wrong);
        });

        wrong.ShouldBe(0);
    }
}
