using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Api;

/// <summary>
/// The error vocabulary lives in one place (<see cref="Reasons"/>): every reason the code answers with is in it,
/// everything in it is answered somewhere, and every one is declared by some operation of the OpenAPI document,
/// with the status it is answered with. ContractTests checks that each answer's reason is one its operation declares.
/// </summary>
public sealed partial class ReasonsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void The_vocabulary_holds_exactly_the_reasons_the_code_answers_with()
    {
        var thrown = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Node.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.EndsWith("Reasons.cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            thrown.UnionWith(Thrown().Matches(text).Select(m => m.Groups["reason"].Value));
            foreach (Match extension in Extension().Matches(text))
                thrown.UnionWith(Word().Matches(extension.Groups["value"].Value).Select(m => m.Groups["word"].Value));
        }

        thrown.Order().ShouldBe(Reasons.All.Keys.Order());
    }

    [Fact]
    public async Task Every_reason_is_declared_by_an_operation_with_its_status()
    {
        using var client = await app.Client();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var declared = new HashSet<(string Reason, int Status)>();
        foreach (var (_, item) in document["paths"]!.AsObject())
            foreach (var (_, operation) in item!.AsObject())
                foreach (var (status, response) in operation!["responses"]?.AsObject() ?? [])
                    foreach (var reason in response!["content"]?.AsObject().SelectMany(c => c.Value!["schema"]?["allOf"]?.AsArray() ?? [])
                                 .SelectMany(s => s!["properties"]?["reason"]?["enum"]?.AsArray() ?? []) ?? [])
                        declared.Add(((string)reason!, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)));

        declared.ShouldAllBe(d => Reasons.All[d.Reason].Status == d.Status);
        Reasons.All.Keys.Except(declared.Select(d => d.Reason)).ShouldBeEmpty();
    }

    [GeneratedRegex(@"(DomainException|ForbiddenException|FormProblemException|WorkflowException)\(\s*""(?<reason>[a-z]+(-[a-z]+)*)""")]
    private static partial Regex Thrown();

    [GeneratedRegex(@"\[""reason""\]\s*=\s*(?<value>[^;}]+)")]
    private static partial Regex Extension();

    [GeneratedRegex(@"""(?<word>[a-z]+(-[a-z]+)*)""")]
    private static partial Regex Word();
}
