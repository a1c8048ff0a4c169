using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document, as an admin (who reaches them all), with hostile input built from
/// its parameters and body schema: control characters, very long strings, wrong types, huge numbers,
/// impossible dates, unknown enum values, ids that are not GUIDs, deep nesting. No answer is a 5xx; a control
/// character is a 400 naming its field; and nothing is written.
/// </summary>
public sealed class FuzzTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Long = new('x', 20_000);

    [Fact]
    public async Task Hostile_input_to_every_operation_is_refused_without_a_5xx_and_changes_nothing()
    {
        var client = await app.Client(await app.CreateUser(Roles.Admin));
        var document = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var before = await Counts();
        var failures = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                // Signing out would end the fuzzer's own session (every session of the user).
                if (path == "/auth/logout")
                    continue;
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => p!).ToList();
                string Url(string? badPath = null, (string Name, string Value)? query = null)
                {
                    var url = path;
                    foreach (var p in parameters.Where(p => (string)p["in"]! == "path"))
                        url = url.Replace("{" + (string)p["name"]! + "}", badPath ?? Sample(p["schema"]));
                    var pairs = parameters.Where(p => (string)p["in"]! == "query")
                        .Select(p => (Name: (string)p["name"]!, Value: query is { } q && q.Name == (string)p["name"]! ? q.Value : Sample(p["schema"])))
                        .Where(p => p.Value.Length > 0 || query?.Name == p.Name);
                    return url + "?" + string.Join("&", pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
                }
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var properties = body is null ? [] : Properties(body, schemas);

                async Task<(HttpResponseMessage Response, string Text)> Send(string url, string? json)
                {
                    var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                    if (json is not null)
                        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                    var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method} {url} {Cut(json)} → {(int)response.StatusCode} {Cut(text)}");
                    // Whatever the input, the answer is one the document declares.
                    else if (operation["responses"]?[((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)] is null)
                        failures.Add($"{method} {url} {Cut(json)} → {(int)response.StatusCode}, a status the document does not declare: {Cut(text)}");
                    // A refusal of what was sent names what was wrong.
                    else if (response.StatusCode == HttpStatusCode.BadRequest && !NamesAField(text))
                        failures.Add($"{method} {url} {Cut(json)} → 400 naming no field: {Cut(text)}");
                    return (response, text);
                }

                async Task ExpectNamed(string url, string? json, string field)
                {
                    var (response, text) = await Send(url, json);
                    if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains($"\"{field}\"", StringComparison.Ordinal))
                        failures.Add($"{method} {url} {Cut(json)}: expected a 400 naming '{field}', got {(int)response.StatusCode} {Cut(text)}");
                }

                var emptyBody = body is null ? null : "{}";
                if (parameters.Any(p => (string)p["in"]! == "path"))
                {
                    await Send(Url(badPath: "not-a-guid"), emptyBody);
                    await Send(Url(badPath: Long), emptyBody);
                    // A control character in the path is refused whether or not a route takes it (%00 itself never gets past
                    // Kestrel, and the in-memory client refuses to send it: NulInThePathTests).
                    var (response, text) = await Send(Url(badPath: "a%01b"), emptyBody);
                    if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains(InputGuardMessage, StringComparison.Ordinal))
                        failures.Add($"{method} {Url(badPath: "a%01b")}: expected a 400 refusing the control character, got {(int)response.StatusCode} {Cut(text)}");
                }
                foreach (var p in parameters.Where(p => (string)p["in"]! == "query"))
                {
                    var name = (string)p["name"]!;
                    await ExpectNamed(Url(query: (name, "a\0b")), emptyBody, name);
                    await ExpectNamed(Url(query: (name, "\u0007")), emptyBody, name);
                    foreach (var junk in new[] { Long, "99999999999999999999999", "-1", "2026-02-30T25:61:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "no-such-value", "not-a-guid" })
                        await Send(Url(query: (name, junk)), emptyBody);
                }
                if (body is null)
                    continue;
                await Send(Url(), "{");
                await Send(Url(), "[]");
                await Send(Url(), "null");
                await Send(Url(), new string('[', 500) + new string(']', 500));
                foreach (var (name, schema) in properties)
                {
                    await ExpectNamed(Url(), new JsonObject { [name] = "x\0y" }.ToJsonString(), name);
                    foreach (var junk in new JsonNode?[] { JsonValue.Create(Long), JsonValue.Create(1e300), JsonValue.Create(long.MaxValue), JsonValue.Create("not-a-guid"),
                                 JsonValue.Create("2026-02-30T25:00:00Z"), JsonValue.Create("0001-01-01T00:00:00Z"), JsonValue.Create("9999-12-31T23:59:59Z"), JsonValue.Create("no-such-value"), JsonValue.Create(true),
                                 new JsonArray(JsonValue.Create(Long)), new JsonObject { ["deep"] = Nest(60) } })
                        await Send(Url(), new JsonObject { [name] = junk }.ToJsonString());
                }
            }
        }

        failures.ShouldBeEmpty();
        (await Counts()).ShouldBe(before);
    }

    private const string InputGuardMessage = "Control characters (such as U+0000) are not allowed here.";

    private static bool NamesAField(string problem)
    {
        try
        {
            return JsonNode.Parse(problem)?["errors"] is JsonObject { Count: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonNode Nest(int depth) => depth == 0 ? JsonValue.Create(1) : new JsonObject { ["a"] = Nest(depth - 1) };

    private static string Cut(string? text) => text is null ? "" : text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>A harmless valid-looking value for a parameter (a random GUID for ids, nothing for optional ones).</summary>
    private static string Sample(JsonNode? schema)
    {
        var format = (string?)schema?["format"];
        var type = schema?["type"]?.ToJsonString() ?? "";
        return format == "uuid" ? Guid.NewGuid().ToString()
            : format == "date-time" ? "2026-11-23T08:00:00Z"
            : type.Contains("integer", StringComparison.Ordinal) ? "1"
            : type.Contains("boolean", StringComparison.Ordinal) ? "false"
            : "x";
    }

    private static IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference)
            schema = schemas[((string)reference!).Split('/')[^1]]!;
        return schema["properties"]?.AsObject().Select(p => (p.Key, p.Value)) ?? [];
    }

    private Task<string> Counts() => app.Query(db => db.Database.SqlQueryRaw<string>("""
        SELECT concat_ws('|', (SELECT count(*) FROM users), (SELECT count(*) FROM dossiers), (SELECT count(*) FROM participants),
          (SELECT count(*) FROM appointments), (SELECT count(*) FROM tasks), (SELECT count(*) FROM locations), (SELECT count(*) FROM skills),
          (SELECT count(*) FROM availability_ranges), (SELECT count(*) FROM calendar_feeds), (SELECT count(*) FROM personal_feed_tokens),
          (SELECT count(*) FROM workflow_definitions), (SELECT count(*) FROM workflow_instances), (SELECT count(*) FROM form_definitions),
          (SELECT count(*) FROM outgoing_emails)) AS "Value"
        """).SingleAsync());
}
