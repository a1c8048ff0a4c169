using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Workflow.Tests.Api;

/// <summary>A parameter of an operation of the OpenAPI document.</summary>
internal sealed record ContractParameter(string Name, string In, bool Required, JsonNode? Schema)
{
    public string? Format => (string?)Schema?["format"];

    public bool Is(string type) => Schema?["type"]?.ToJsonString().Contains($"\"{type}\"", StringComparison.Ordinal) == true;
}

internal sealed record ContractOperation(string Path, string Method, JsonObject Node)
{
    public IReadOnlyList<ContractParameter> Parameters { get; } = (Node["parameters"]?.AsArray() ?? []).Select(p => new ContractParameter(
        (string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, p["schema"])).ToList();

    public JsonNode? Body => Node["requestBody"]?["content"]?["application/json"]?["schema"];

    public bool Multipart => Node["requestBody"]?["content"]?["multipart/form-data"] is not null;

    /// <summary>Run last: what ends a session, removes or closes things the other operations work on.</summary>
    public bool Destructive => Method == "delete" || Path.EndsWith("/close", StringComparison.Ordinal) || Path.EndsWith("/cancel", StringComparison.Ordinal)
        || Path == "/auth/logout";

    public IEnumerable<string> BodyProperties(JsonObject document) =>
        ContractSample.Resolve(Body, document)?["properties"]?.AsObject().Select(p => p.Key) ?? [];
}

/// <summary>Checks an answer against what its operation declares: status, media type, body by the declared schema.</summary>
internal sealed class AnswerChecker(SchemaRegistry registry)
{
    /// <summary>The document's schemas, registered once as the $defs of this base URI.</summary>
    public const string Defs = "urn:workflow:openapi";

    /// <summary>OpenAPI refers to its schemas as #/components/schemas/X; the validator finds them as $defs of one registered document.</summary>
    public static JsonNode Rewrite(JsonNode node) =>
        JsonNode.Parse(node.ToJsonString().Replace("\"#/components/schemas/", $"\"{Defs}#/$defs/", StringComparison.Ordinal))!;

    private readonly Dictionary<string, JsonSchema> _schemas = [];
    private int _built;

    public List<string> Failures { get; } = [];

    /// <summary>What is wrong with the answer, by the document, or null.</summary>
    public async Task<string?> Check(ContractOperation operation, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = await response.Content.ReadAsStringAsync();
        var declared = operation.Node["responses"]?[status] ?? operation.Node["responses"]?["default"];
        if (declared is null)
            return $"status not declared (declared: {string.Join(", ", operation.Node["responses"]!.AsObject().Select(r => r.Key))}); body {Cut(body)}";
        if (declared["content"] is not JsonObject content || content.Count == 0)
            return body.Length == 0 ? null : $"a body where the document declares none: {Cut(body)}";
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length == 0)
            return $"no body where the document declares {string.Join(" or ", content.Select(c => c.Key))}";
        if (mediaType is not null && !content.ContainsKey(mediaType) && (content.ContainsKey("*/*") || content.ContainsKey(mediaType.Split('/')[0] + "/*")))
            return null;
        if (mediaType is null || !content.ContainsKey(mediaType))
            return $"media type {mediaType} where the document declares {string.Join(" or ", content.Select(c => c.Key))}";
        if (!mediaType.Contains("json", StringComparison.Ordinal) || content[mediaType]?["schema"] is not { } schemaNode)
            return null;
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return $"not JSON: {Cut(body)}";
        }
        var key = $"{operation.Method} {operation.Path} {status} {mediaType}";
        if (!_schemas.TryGetValue(key, out var schema))
        {
            var root = Rewrite(schemaNode).AsObject();
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            schema = _schemas[key] = JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = registry }, new Uri($"urn:contract:{++_built}"));
        }
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return null;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(5);
        return $"body does not fit the schema: {string.Join("; ", errors)}; body {Cut(body)}";
    }

    public static string Cut(string text, int length = 400) => text.Length > length ? text[..length] + "…" : text;
}
