using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Api;

/// <summary>
/// The web application generates its API client from src/Workflow.Web/client/openapi/v1.json. That copy must be
/// the document the server describes, so a contract change reaches the front-end build (which then fails to
/// type-check where a screen relies on what changed) instead of the user. To refresh the copy after a deliberate
/// change: WORKFLOW_UPDATE_OPENAPI=1 bash scripts/test.sh (it refreshes the copy before building the client)
/// </summary>
public sealed class OpenApiContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Copy = Path.Combine(Node.RepositoryRoot, "src/Workflow.Web/client/openapi/v1.json");

    private async Task<JsonNode> Served()
    {
        using var client = await app.Client();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    [Fact]
    public async Task The_front_end_generates_its_client_from_the_document_the_server_serves()
    {
        var served = await Served();
        if (Environment.GetEnvironmentVariable("WORKFLOW_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Copy, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(Copy))!;
        JsonNode.DeepEquals(served, copy).ShouldBeTrue(
            "src/Workflow.Web/client/openapi/v1.json differs from /openapi/v1.json: refresh it (see this test's summary) and fix the screens the new types break.");
    }

    [Fact]
    public async Task Every_schema_is_named_after_its_use_case()
    {
        var schemas = (await Served())["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        schemas.ShouldNotContain("Command");
        schemas.ShouldNotContain("Result");
        schemas.ShouldNotContain("Query");
        schemas.ShouldContain("CreateAppointmentCommand");
        schemas.ShouldContain("CreateDossierCommand");
        schemas.ShouldContain("AppointmentCancelRequest");
    }

    [Fact]
    public async Task Integers_are_integers()
    {
        var text = (await Served()).ToJsonString();
        // Reading numbers from strings made every integer "integer or string" for generated clients.
        text.ShouldNotContain("\"pattern\":\"^-?(?:0|[1-9]\\\\d*)$\"");
    }
}
