using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// The agreement is with the @formio/core the browser runs: the harness pins the version that
/// the web client's @formio/js bundles, so a client upgrade that moves core fails here until the
/// harness follows (and the agreement is measured again).
/// </summary>
public class PinnedVersionTests
{
    [Fact]
    public void The_harness_asks_the_formio_core_that_the_browser_bundles()
    {
        var harness = CoreVersion(Path.Combine(FormioCore.Directory, "package-lock.json"));
        var client = CoreVersion(Path.Combine(FormioCore.RepositoryRoot, "src", "Workflow.Web", "client", "package-lock.json"));
        harness.ShouldBe(client, "tests/Workflow.Forms.Tests/formio pins another @formio/core than the web client's @formio/js uses");
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(FormioCore.Directory, "package.json")))!["dependencies"]!["@formio/core"]!.GetValue<string>();
        declared.ShouldBe(harness, "package.json names an exact version");
    }

    private static string CoreVersion(string lockFile) =>
        JsonNode.Parse(File.ReadAllText(lockFile))!["packages"]!["node_modules/@formio/core"]!["version"]!.GetValue<string>();
}
