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
}
