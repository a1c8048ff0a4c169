using System.Text;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Xunit.Abstractions;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Form.io's own test cases (FormioCases/cases.jsonl: the forms and submissions of @formio/core's
/// and the Form.io server's test suites) get the same (path, rule) errors from the C# validator
/// as from @formio/core's server-side processSync; so do the cases of the test suite shipped in the
/// @formio/core npm package (collected by formio/core-cases.js).
/// </summary>
public class FormioCasesTests(ITestOutputHelper output)
{
    private static Dictionary<string, string> KnownDifferences() =>
        File.ReadAllLines(Path.Combine(Path.GetDirectoryName(CasesFile)!, "known-differences.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    private static string CasesFile => Path.Combine(FormioCore.RepositoryRoot, "tests", "Workflow.Forms.Tests", "FormioCases", "cases.jsonl");

    [Fact]
    public void Formio_test_suites_cases_get_the_same_errors_as_formio_core()
    {
        var lines = File.ReadAllLines(CasesFile).Concat(FormioCore.PackageTestCases())
            .Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        lines.Count.ShouldBeGreaterThan(800, "cases.jsonl and the cases of @formio/core's own tests");
        var batch = new JsonArray(lines.Select(c => (JsonNode)new JsonObject
        {
            ["form"] = c["form"]!.DeepClone(),
            ["submission"] = new JsonObject { ["data"] = c["data"]?.DeepClone() ?? new JsonObject() },
        }).ToArray());
        var expected = FormioCore.Validate(batch);
        var report = new StringBuilder();
        var perSource = new SortedDictionary<string, (int Cases, int Agreed, int Crashed)>(StringComparer.Ordinal);
        var differing = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var id = (string)lines[i]["id"]!;
            var source = (string)lines[i]["source"]!;
            var tally = perSource.GetValueOrDefault(source);
            tally.Cases++;
            if (expected[i] is null)
            {
                tally.Crashed++;
                perSource[source] = tally;
                continue;
            }
            IReadOnlySet<string> actual;
            try
            {
                actual = CSharpValidator.Validate(lines[i]["form"]!, new JsonObject { ["data"] = lines[i]["data"]?.DeepClone() ?? new JsonObject() });
            }
            catch (FormSchemaException e)
            {
                actual = new HashSet<string> { $"refused: {e.Message}" };
            }
            if (actual.SetEquals(expected[i]!)) tally.Agreed++;
            else
            {
                differing.Add(id);
                report.AppendLine($"{id} ({lines[i]["title"]}): formio {CSharpValidator.Describe(expected[i]!)} C# {CSharpValidator.Describe(actual)}");
            }
            perSource[source] = tally;
        }
        foreach (var (source, t) in perSource)
            output.WriteLine($"{source}: {t.Agreed}/{t.Cases - t.Crashed} agree ({t.Crashed} where core threw)");
        output.WriteLine(report.ToString());
        // The cases where core's own answer is wrong are listed with the reason (docs/forms.md explains each);
        // every other case must agree, and a listed case that agrees again must leave the list.
        var known = KnownDifferences();
        differing.Where(id => !known.ContainsKey(id)).ShouldBeEmpty(report.ToString());
        known.Keys.Where(id => !differing.Contains(id)).ShouldBeEmpty("these cases agree now: take them out of FormioCases/known-differences.tsv");
    }
}
