using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;
using Xunit.Abstractions;

namespace Workflow.Tests.Api;

/// <summary>
/// The OpenAPI document is a promise to the clients generated from it (the web application's among them). This
/// test calls every operation it describes, without credentials and as each role, with a valid request built from
/// the operation's schemas (ids of real objects, values that fit each field) and with invalid ones (an empty or
/// mistyped body, an unknown id, a required parameter left out), and checks every answer against the document:
/// its status is one the operation declares, its media type is the declared one, and its body validates against
/// the declared schema (JSON Schema 2020-12, which OpenAPI 3.1 schemas are), problems and their `reason`s included.
/// </summary>
public sealed class ContractTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_document_says()
    {
        var world = await ContractWorld.Create(app);
        using var anonymous = await app.Client();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var checker = Checker(document);
        // The checker can fail: a dossier without its fields, a status the operation does not declare.
        var getDossier = new ContractOperation("/dossiers/{id}", "get", document["paths"]!["/dossiers/{id}"]!["get"]!.AsObject());
        (await checker.Check(getDossier, new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"id\":1}", Encoding.UTF8, "application/json") })).ShouldNotBeNull();
        (await checker.Check(getDossier, new HttpResponseMessage(System.Net.HttpStatusCode.Conflict) { Content = new StringContent("{}", Encoding.UTF8, "application/problem+json") })).ShouldNotBeNull();

        var callers = new List<(string Name, HttpClient Client, TestUser? User)> { ("anonymous", anonymous, null) };
        foreach (var (role, user) in world.Callers)
            callers.Add((role, await app.Client(user), user));

        var operations = Operations(document)
            .OrderBy(o => o.Destructive).ThenBy(o => o.Method == "get" ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
        operations.Count.ShouldBeGreaterThan(80);

        var calls = 0;
        var successes = new HashSet<string>();
        var refusals = new Dictionary<string, List<string>>();
        foreach (var operation in operations)
        {
            foreach (var (name, client, user) in callers)
            {
                // Signing out ends every session of the user: it gets a user of its own.
                var caller = operation.Path == "/auth/logout" && user is not null ? await app.Client(await app.CreateUser(user.Roles)) : client;
                var sample = new ContractSample(world, user, document);
                foreach (var (variant, request) in Requests(operation, sample))
                {
                    using var response = await caller.SendAsync(request);
                    calls++;
                    var problem = await checker.Check(operation, response);
                    // An invalid request is refused: before anything else by the policy, else for what it is.
                    var expected = variant switch
                    {
                        "mistyped body" or "mistyped fields" => [400, 401, 403],
                        "unknown id" => [401, 403, 404],
                        _ when variant.StartsWith("without ", StringComparison.Ordinal) => [400, 401, 403],
                        _ => (int[]?)null,
                    };
                    if (problem is null && expected is not null && !expected.Contains((int)response.StatusCode))
                        problem = $"expected {string.Join(" or ", expected)} for this invalid request";
                    if ((int)response.StatusCode < 300)
                        successes.Add($"{operation.Method} {operation.Path}");
                    else if (variant == "valid")
                        (refusals.TryGetValue($"{operation.Method} {operation.Path}", out var list) ? list : refusals[$"{operation.Method} {operation.Path}"] = [])
                            .Add($"{name} → {(int)response.StatusCode} {AnswerChecker.Cut(await response.Content.ReadAsStringAsync(), 200)}");
                    if (problem is not null)
                        checker.Failures.Add($"{name}, {variant}: {operation.Method.ToUpperInvariant()} {request.RequestUri} → {(int)response.StatusCode}: {problem}");
                }
            }
        }

        var neverSucceeded = operations.Select(o => $"{o.Method} {o.Path}").Except(successes).ToList();
        output.WriteLine($"{calls} calls; no success for {neverSucceeded.Count} of {operations.Count} operations:");
        foreach (var operation in neverSucceeded)
            output.WriteLine($"  {operation}: {string.Join(" | ", refusals.GetValueOrDefault(operation) ?? [])}");
        Assert.True(checker.Failures.Count == 0, $"{checker.Failures.Count} answers break the document:\n" + string.Join("\n", checker.Failures));
        calls.ShouldBeGreaterThan(operations.Count * 10);
        // The valid requests are valid: every operation succeeds for some caller, so every success body was checked too.
        neverSucceeded.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_a_413_the_document_declares_before_anything_reads_it()
    {
        using var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var checker = Checker(document);
        var before = await app.Query(db => db.Dossiers.CountAsync());
        // JSON whitespace: were it read, it would be a body with nothing in it.
        var big = new byte[Workflow.Web.Infrastructure.InputGuard.MaxBodyBytes + 1];
        Array.Fill(big, (byte)' ');
        var withBody = Operations(document).Where(o => o.Node["requestBody"] is not null).ToList();
        withBody.Count.ShouldBeGreaterThan(30);
        foreach (var operation in withBody)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]+}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), url) { Content = new ByteArrayContent(big) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(operation.Multipart ? "multipart/form-data; boundary=x" : "application/json");
            using var response = await admin.SendAsync(request);
            ((int)response.StatusCode).ShouldBe(413, $"{operation.Method} {operation.Path}");
            (await checker.Check(operation, response)).ShouldBeNull($"{operation.Method} {operation.Path}");
        }
        // Within the limit, the same kind of body is read: this one is refused for what it is.
        using var small = new HttpRequestMessage(HttpMethod.Post, "/dossiers") { Content = new StringContent("   ", Encoding.UTF8, "application/json") };
        ((int)(await admin.SendAsync(small)).StatusCode).ShouldBe(400);
        (await app.Query(db => db.Dossiers.CountAsync())).ShouldBe(before);
    }

    private static IEnumerable<ContractOperation> Operations(JsonObject document) => document["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => new ContractOperation(p.Key, o.Key, o.Value!.AsObject())));

    private static AnswerChecker Checker(JsonObject document)
    {
        var registry = new SchemaRegistry();
        var definitions = AnswerChecker.Rewrite(new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = document["components"]!["schemas"]!.DeepClone() });
        JsonSchema.Build(JsonSerializer.SerializeToElement(definitions), new BuildOptions { SchemaRegistry = registry }, new Uri(AnswerChecker.Defs));
        return new AnswerChecker(registry);
    }

    private static IEnumerable<(string Variant, HttpRequestMessage Request)> Requests(ContractOperation operation, ContractSample sample)
    {
        var parameters = operation.Parameters;
        var body = operation.Body;
        yield return ("valid", Build(operation, sample, sample.Body(operation)));
        if (parameters.Any(p => p.In == "path" && p.Format == "uuid"))
            yield return ("unknown id", Build(operation, sample, sample.Body(operation), unknownIds: true));
        foreach (var required in parameters.Where(p => p.In == "query" && p.Required))
            yield return ($"without {required.Name}", Build(operation, sample, sample.Body(operation), leaveOut: required.Name));
        if (body is not null)
        {
            yield return ("empty body", Build(operation, sample, "{}"));
            yield return ("mistyped body", Build(operation, sample, "[\"not an object\"]"));
            if (operation.BodyProperties(sample.Document).Any())
                yield return ("mistyped fields", Build(operation, sample, new JsonObject(operation.BodyProperties(sample.Document)
                    .Select(p => KeyValuePair.Create(p, (JsonNode?)new JsonArray(new JsonObject { ["wrong"] = true })))).ToJsonString()));
        }
    }

    private static HttpRequestMessage Build(ContractOperation operation, ContractSample sample, string? json, bool unknownIds = false, string? leaveOut = null)
    {
        var url = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            if (p.In == "path")
                url = url.Replace("{" + p.Name + "}", Uri.EscapeDataString(unknownIds && p.Format == "uuid" ? Guid.NewGuid().ToString() : sample.PathValue(operation, p)));
            else if (p.In == "query" && p.Required && p.Name != leaveOut)
                query.Add($"{p.Name}={Uri.EscapeDataString(sample.QueryValue(operation.Path, p))}");
        }
        var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), query.Count == 0 ? url : url + "?" + string.Join("&", query));
        if (operation.Multipart)
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("contract"u8.ToArray()), "file", "contract.txt" } };
        else if (json is not null && operation.Body is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return request;
    }

}
