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
    private const string Defs = "urn:workflow:openapi";
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_document_says()
    {
        var world = await World.Create(app);
        using var anonymous = await app.Client();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var registry = new SchemaRegistry();
        var definitions = Rewrite(new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = document["components"]!["schemas"]!.DeepClone() });
        JsonSchema.Build(JsonSerializer.SerializeToElement(definitions), new BuildOptions { SchemaRegistry = registry }, new Uri(Defs));
        var checker = new Checker(registry);
        // The checker can fail: a dossier without its fields, a status the operation does not declare.
        var getDossier = new Operation("/dossiers/{id}", "get", document["paths"]!["/dossiers/{id}"]!["get"]!.AsObject());
        (await checker.Check(getDossier, new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"id\":1}", Encoding.UTF8, "application/json") })).ShouldNotBeNull();
        (await checker.Check(getDossier, new HttpResponseMessage(System.Net.HttpStatusCode.Conflict) { Content = new StringContent("{}", Encoding.UTF8, "application/problem+json") })).ShouldNotBeNull();

        var callers = new List<(string Name, HttpClient Client, TestUser? User)> { ("anonymous", anonymous, null) };
        foreach (var (role, user) in world.Callers)
            callers.Add((role, await app.Client(user), user));

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => new Operation(p.Key, o.Key, o.Value!.AsObject())))
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
                var sample = new Sample(world, user, document);
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
                            .Add($"{name} → {(int)response.StatusCode} {Checker.Cut(await response.Content.ReadAsStringAsync(), 200)}");
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
        // The valid requests are valid: most operations succeed for some caller, so their success bodies were checked too.
        successes.Count.ShouldBeGreaterThan(operations.Count * 3 / 4, string.Join(", ", neverSucceeded));
    }

    private static IEnumerable<(string Variant, HttpRequestMessage Request)> Requests(Operation operation, Sample sample)
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

    private static HttpRequestMessage Build(Operation operation, Sample sample, string? json, bool unknownIds = false, string? leaveOut = null)
    {
        var url = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            if (p.In == "path")
                url = url.Replace("{" + p.Name + "}", Uri.EscapeDataString(unknownIds && p.Format == "uuid" ? Guid.NewGuid().ToString() : sample.PathValue(operation.Path, p)));
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

    /// <summary>OpenAPI refers to its schemas as #/components/schemas/X; the validator finds them as $defs of one registered document.</summary>
    private static JsonNode Rewrite(JsonNode node) =>
        JsonNode.Parse(node.ToJsonString().Replace("\"#/components/schemas/", $"\"{Defs}#/$defs/", StringComparison.Ordinal))!;

    private sealed record Parameter(string Name, string In, bool Required, JsonNode? Schema)
    {
        public string? Format => (string?)Schema?["format"];

        public bool Is(string type) => Schema?["type"]?.ToJsonString().Contains($"\"{type}\"", StringComparison.Ordinal) == true;
    }

    private sealed record Operation(string Path, string Method, JsonObject Node)
    {
        public IReadOnlyList<Parameter> Parameters { get; } = (Node["parameters"]?.AsArray() ?? []).Select(p => new Parameter(
            (string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, p["schema"])).ToList();

        public JsonNode? Body => Node["requestBody"]?["content"]?["application/json"]?["schema"];

        public bool Multipart => Node["requestBody"]?["content"]?["multipart/form-data"] is not null;

        /// <summary>Run last: what ends a session, removes or closes things the other operations work on.</summary>
        public bool Destructive => Method == "delete" || Path.EndsWith("/close", StringComparison.Ordinal) || Path.EndsWith("/cancel", StringComparison.Ordinal)
            || Path == "/auth/logout";

        public IEnumerable<string> BodyProperties(JsonObject document) =>
            Sample.Resolve(Body, document)?["properties"]?.AsObject().Select(p => p.Key) ?? [];
    }

    /// <summary>The objects the valid requests name, and the callers (one user per role).</summary>
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private sealed record World(Dictionary<string, TestUser> Callers, TestUser Expert, TestUser Colleague, DossierDto Dossier, ParticipantDto Participant,
        AppointmentDto Appointment, AppointmentDto ToPlan, DocumentDto Document, Guid Task, Guid Instance, Guid Invitation, Dictionary<Guid, Guid> Ranges,
        Dictionary<Guid, Guid> Feeds, Guid Location, string FeedToken, string RefreshToken)
    {
        public static async Task<World> Create(AppFixture app)
        {
            var callers = new Dictionary<string, TestUser>();
            foreach (var role in new[] { Roles.Admin, Roles.Planner, Roles.Designer, Roles.Expert })
                callers[role] = await app.CreateUser(role);
            var designer = callers[Roles.Designer];
            var planner = callers[Roles.Planner];
            await app.Send(new DeployDefinition.Command(Bpmn.Review("contract-review", "contract-kind"), Publish: true), designer);
            var expert = await app.CreateUser(Roles.Expert);
            var colleague = await app.CreateUser(Roles.Expert);
            var dossier = await app.Send(new CreateDossier.Command("Contract", "contract-kind", planner.Id,
                Address: new Address("Rue des Fleurs 12, 5030 Gembloux", 50.566, 4.692)), planner);
            var participant = await app.Send(new AddParticipant.Command(dossier.Id, ParticipantKind.InternalUser, "expert", expert.Id), planner);
            await app.Send(new AddParticipant.Command(dossier.Id, ParticipantKind.InternalUser, "expert", callers[Roles.Expert].Id), planner);
            var range = await app.Send(new AddAvailabilityRange.Command(expert.Id, Scenario.At(8), Scenario.At(11, 30), null), planner);
            var appointment = await app.Send(new CreateAppointment.Command(dossier.Id, "Visit", expert.Id, Scenario.At(9), Scenario.At(10), UserIds: [colleague.Id, callers[Roles.Expert].Id]), planner);
            var toPlan = await app.Send(new CreateAppointment.Command(dossier.Id, "Later"), planner);
            var document = await app.Send(new AttachDocument.Command(appointment.Id, "notes.txt", "x"u8.ToArray()), planner);
            var task = await app.Query(db => db.Tasks.Where(t => t.DossierId == dossier.Id).Select(t => t.Id).SingleAsync());
            var instance = await app.Query(db => db.WorkflowInstances.Where(i => i.DossierId == dossier.Id).Select(i => i.Id).SingleAsync());
            var invitation = await app.Query(db => db.Invitations.Where(i => i.AppointmentId == appointment.Id && i.UserId == callers[Roles.Expert].Id).Select(i => i.Id).SingleAsync());
            var location = await app.Send(new Workflow.Application.Locations.CreateLocation.Command("Office", new Address("Place 1, Namur", 50.46, 4.87),
                Workflow.Application.Locations.LocationKind.Office), planner);
            var feed = await app.Send(new Workflow.Application.Calendars.CreatePersonalFeed.Command(expert.Id), expert);
            // Each caller's own range (on Wednesday) and external calendar, to move, sync and remove.
            var ranges = new Dictionary<Guid, Guid> { [expert.Id] = range.Id };
            var feeds = new Dictionary<Guid, Guid>();
            foreach (var user in callers.Values)
            {
                ranges[user.Id] = (await app.Send(new AddAvailabilityRange.Command(user.Id, At(25, 8), At(25, 12), null), user)).Id;
                feeds[user.Id] = (await app.Send(new Workflow.Application.Calendars.AddCalendarFeed.Command(user.Id, "http://127.0.0.1:9/busy.ics"), user)).Id;
            }
            // A second version to publish and migrate to, and a process started by hand.
            await app.Send(new DeployDefinition.Command(Bpmn.Review("contract-review", "contract-kind", "Check")), designer);
            await app.Send(new DeployDefinition.Command(Bpmn.Process("contract-plain", """
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:endEvent id="End"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
                """), Publish: true), designer);
            using var anonymous = await app.Client();
            var login = await anonymous.PostAsync("/auth/login", new StringContent(JsonSerializer.Serialize(new { email = expert.Email, password = AppFixture.Password }), Encoding.UTF8, "application/json"));
            var refresh = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString()!;
            return new World(callers, expert, colleague, dossier, participant, appointment, toPlan, document, task, instance, invitation, ranges, feeds, location.Id,
                feed.Token, refresh);
        }
    }

    /// <summary>Values that fit: real ids by what the field names, dates in the expert's available morning, words of the enums.</summary>
    private sealed class Sample(World world, TestUser? caller, JsonObject document)
    {
        public JsonObject Document => document;

        private Guid Me => caller?.Id ?? world.Expert.Id;

        public string PathValue(string path, Parameter p) => p.Name switch
        {
            // Changing one's own roles would end one's own session: an admin changes a colleague.
            "id" when path == "/users/{id}" => world.Colleague.Id.ToString(),
            "id" when path.StartsWith("/users/", StringComparison.Ordinal) => Me.ToString(),
            "id" when path.StartsWith("/dossiers/", StringComparison.Ordinal) => world.Dossier.Id.ToString(),
            "id" when path is "/appointments/{id}" or "/appointments/{id}/plan" => world.ToPlan.Id.ToString(),
            "id" when path.StartsWith("/appointments/", StringComparison.Ordinal) => world.Appointment.Id.ToString(),
            "id" when path.StartsWith("/tasks/", StringComparison.Ordinal) => world.Task.ToString(),
            "id" when path.StartsWith("/invitations/", StringComparison.Ordinal) => world.Invitation.ToString(),
            "id" when path.StartsWith("/workflows/instances/", StringComparison.Ordinal) => world.Instance.ToString(),
            "participantId" => world.Participant.Id.ToString(),
            "documentId" => world.Document.Id.ToString(),
            "rangeId" => world.Ranges[Me].ToString(),
            "feedId" => (world.Feeds.TryGetValue(Me, out var feed) ? feed : Guid.NewGuid()).ToString(),
            "key" when path.StartsWith("/forms/", StringComparison.Ordinal) => "plan-appointment",
            "key" when path.EndsWith("/start", StringComparison.Ordinal) => "contract-plain",
            "key" => "contract-review",
            "version" when path.EndsWith("/publish", StringComparison.Ordinal) => "2",
            "version" => "1",
            "token" => world.FeedToken,
            _ when p.Format == "uuid" => Guid.NewGuid().ToString(),
            _ => "x",
        };

        public string QueryValue(string path, Parameter p) => p.Name switch
        {
            "users" => $"{Me},{world.Expert.Id}",
            "from" when p.Is("integer") => "1",
            "to" when p.Is("integer") => "2",
            "from" => "2026-11-23T00:00:00Z",
            "to" => "2026-11-30T00:00:00Z",
            "duration" => "60",
            _ when p.Format == "date-time" => "2026-11-23T08:00:00Z",
            _ when p.Is("integer") => "1",
            _ when p.Is("boolean") => "false",
            _ => "x",
        };

        private string _path = "";

        public string? Body(Operation operation)
        {
            _path = operation.Path;
            return operation.Body is { } schema ? Value(schema, "body", 0)?.ToJsonString() : null;
        }

        public static JsonNode? Resolve(JsonNode? schema, JsonObject document)
        {
            while (schema?["$ref"] is { } reference)
                schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
            return schema;
        }

        private JsonNode? Value(JsonNode schema, string name, int depth)
        {
            schema = Resolve(schema, document)!;
            if ((schema["oneOf"] ?? schema["anyOf"]) is { } choices)
                return Value(choices.AsArray().First(c => (string?)Resolve(c, document)?["type"] != "null")!, name, depth);
            var types = schema["type"] switch
            {
                JsonArray many => many.Select(t => (string)t!).ToList(),
                JsonValue one => [(string)one!],
                _ => ["object"],
            };
            var nullable = types.Contains("null");
            if (schema["enum"] is JsonArray words)
                return name == "kind" && _path.EndsWith("/participants", StringComparison.Ordinal) ? "internal-user" : words.First(w => w is not null)!.DeepClone();
            if (nullable && (name is "taskId" or "appointmentId" or "locationId" or "instanceIds" or "mapping" or "formKey" || depth > 2))
                return null;
            var format = (string?)schema["format"];
            if (types.Contains("string") && format == "uuid")
                return Id(name);
            if (types.Contains("string") && format == "date-time")
                return Slot(name is "end" or "to").ToString("O");
            if (types.Contains("string"))
                return Text(name);
            if (types.Contains("integer"))
                return name switch { "duration" or "durationMinutes" => 60, "toVersion" => 2, _ => 1 };
            if (types.Contains("number"))
                return name switch { "latitude" => 50.5, "longitude" => 4.7, _ => 1 };
            if (types.Contains("boolean"))
                return false;
            if (types.Contains("array"))
            {
                var items = schema["items"] is { } item ? Resolve(item, document) : null;
                if ((string?)items?["format"] == "uuid")
                    return name switch
                    {
                        "participantIds" => new JsonArray(world.Participant.Id.ToString()),
                        "userIds" => new JsonArray(world.Colleague.Id.ToString()),
                        _ => new JsonArray(),
                    };
                return name is "requiredSkills" or "skills" or "roles" ? new JsonArray() : new JsonArray();
            }
            if (name == "schema" && _path.StartsWith("/forms/", StringComparison.Ordinal))
                return JsonNode.Parse("""{"display":"form","components":[{"type":"textfield","key":"name","label":"Name","input":true}]}""");
            var result = new JsonObject();
            if (depth < 4 && schema["properties"] is JsonObject properties)
                foreach (var (property, propertySchema) in properties)
                    result[property] = Value(propertySchema!, property, depth + 1);
            return result;
        }

        /// <summary>A free slot for what the operation does: the expert's free Monday morning, a caller's own Wednesday.</summary>
        private DateTimeOffset Slot(bool end) => _path switch
        {
            "/appointments/book" => end ? At(23, 10, 30) : At(23, 10),
            "/appointments/{id}/plan" => end ? At(23, 11, 30) : At(23, 11),
            "/appointments/{id}/reschedule" => end ? At(23, 9, 30) : At(23, 8, 30),
            "/users/{id}/availability" => end ? At(24, 12) : At(24, 8),
            "/users/{id}/availability/{rangeId}" => end ? At(26, 12) : At(26, 8),
            _ => end ? At(23, 11) : At(23, 10, 30),
        };

        private JsonNode Id(string name) => (name switch
        {
            "dossierId" => world.Dossier.Id,
            "mainUserId" or "expertId" => world.Expert.Id,
            "userId" or "assigneeId" or "referentId" => Me,
            "participantId" => world.Participant.Id,
            "locationId" => world.Location,
            "appointmentId" => world.ToPlan.Id,
            _ => Guid.NewGuid(),
        }).ToString();

        private JsonNode Text(string name) => name switch
        {
            "email" when _path == "/auth/login" => caller?.Email ?? world.Expert.Email,
            "email" => $"contract-{Guid.NewGuid():N}@test.local",
            "candidateRole" => Roles.Expert,
            "phone" => "+32 470 12 34 56",
            "refreshToken" => world.RefreshToken,
            "password" => AppFixture.Password,
            "timeZone" => "Europe/Brussels",
            "language" => "fr",
            "kind" => "contract-kind",
            "role" => Roles.Expert,
            "code" => $"skill-{Guid.NewGuid():N}"[..20],
            "url" => "http://127.0.0.1:9/contract.ics",
            "xml" => Bpmn.Review("contract-deployed", "contract-deployed-kind"),
            "reference" => $"C-{Guid.NewGuid():N}"[..12],
            _ => "Contract",
        };
    }

    private sealed class Checker(SchemaRegistry registry)
    {
        private readonly Dictionary<string, JsonSchema> _schemas = [];
        private int _built;

        public List<string> Failures { get; } = [];

        /// <summary>What is wrong with the answer, by the document, or null.</summary>
        public async Task<string?> Check(Operation operation, HttpResponseMessage response)
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
}
