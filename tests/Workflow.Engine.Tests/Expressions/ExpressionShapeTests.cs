using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;

namespace Workflow.Engine.Tests.Expressions;

/// <summary>
/// Which expressions may run on the engine a thread reuses: the constructs conditions and mappings are written
/// with, arrow functions and all, may; anything that could reach the engine's built-ins may not.
/// </summary>
public class ExpressionShapeTests
{
    private static readonly IReadOnlySet<string> BuiltIns =
        new Jint.Engine().Global.GetOwnProperties().Select(p => p.Key.ToString()).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, JsonNode?> Data = new(StringComparer.Ordinal)
    {
        ["items"] = new JsonArray(), ["dossier"] = new JsonObject(), ["tags"] = new JsonArray(), ["amounts"] = new JsonArray(),
        ["r"] = 1, ["k"] = "a", ["x"] = new JsonObject(), ["s"] = "",
    };

    private static bool Reusable(string expression, IReadOnlyDictionary<string, Delegate>? functions = null) =>
        ExpressionShape.Of(expression).CanReuse(Data, functions, BuiltIns);

    [Theory]
    [InlineData("items.some(i => i.amount > 100)")]
    [InlineData("items.map(({ amount, vat = 0 }) => amount + vat).reduce((a, b) => a + b, 0)")]
    [InlineData("items.find(i => { const n = i.amount; if (n > 1) { return true; } return false; })")]
    [InlineData("`${dossier.reference}-${items.length}`")]
    [InlineData("dossier?.owner?.name ?? 'nobody'")]
    [InlineData("dossier.owner?.name?.toUpperCase?.()")]
    [InlineData("tags.includes('urgent') && !tags.includes('closed')")]
    [InlineData("Math.max(...amounts, 0)")]
    [InlineData("({ ...dossier, checked: true, list: [...tags] })")]
    [InlineData("items.filter(Boolean).length")]
    [InlineData("items[items.length - 1]")]
    [InlineData("Math.PI * r * r")]
    [InlineData("Object.keys(dossier).length > 0 && JSON.stringify(tags) !== '[]'")]
    [InlineData("new Date(dossier.created).getTime() > 0")]
    public void Modern_expressions_run_on_the_reused_engine(string expression) => Reusable(expression).ShouldBeTrue();

    [Theory]
    [InlineData("['Object.prototype.polluted = 1'].map(eval)")]
    [InlineData("items.forEach(Object.freeze)")]
    [InlineData("globalThis.polluted")]
    [InlineData("x.constructor")]
    [InlineData("x.__proto__")]
    [InlineData("items.map(i => i.constructor)")]
    [InlineData("items.map(({ constructor }) => constructor)")]
    [InlineData("x['constr' + 'uctor']")]
    [InlineData("x[k]")]
    [InlineData("x['__proto__']")]
    [InlineData("(() => 1)()")]
    [InlineData("items.map(f => f())")]
    [InlineData("items.map(function (i) { return i; })")]
    [InlineData("items.map(async i => i)")]
    [InlineData("items.map(i => { var n = i; return n; })")]
    [InlineData("items.map(i => { for (;;) {} })")]
    [InlineData("items.map(i => i.n = 1)")]
    [InlineData("items.map(i => i.n++)")]
    [InlineData("this.x")]
    [InlineData("/a/.test(s)")]
    [InlineData("String.raw`a`")]
    [InlineData("({ get a() { return 1; } })")]
    [InlineData("({ f() { return 1; } })")]
    [InlineData("delete x.a")]
    [InlineData("const a = 1; a")]
    [InlineData("new Function('return 1')")]
    [InlineData("JSON.parse('{}', function (k, v) { return v; })")]
    [InlineData("items.push(1)")]
    public void Expressions_that_could_reach_the_engine_get_a_fresh_one(string expression) => Reusable(expression).ShouldBeFalse();

    [Fact]
    public void A_host_function_may_be_called_and_passed_as_a_callback()
    {
        var functions = new Dictionary<string, Delegate> { ["twice"] = new Func<double, double>(x => 2 * x) };

        Reusable("twice(r) + items.map(twice).length", functions).ShouldBeTrue();
        Reusable("unknown(r)", functions).ShouldBeFalse();
    }

    [Fact]
    public void A_variable_named_like_a_built_in_is_not_set_on_the_reused_engine() =>
        ExpressionShape.Of("Date + 1").CanReuse(new Dictionary<string, JsonNode?> { ["Date"] = 1 }, null, BuiltIns).ShouldBeFalse();

    [Fact]
    public void An_arrow_function_parameter_is_not_a_global_name() =>
        ExpressionShape.Of("items.map(item => item.n + offset)").Names.Order(StringComparer.Ordinal).ShouldBe(["items", "offset"]);
}
