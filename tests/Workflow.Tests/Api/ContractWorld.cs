using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;

namespace Workflow.Tests.Api;

/// <summary>The objects the contract test's valid requests name, and the callers (one user per role).</summary>
internal sealed record ContractWorld(Dictionary<string, TestUser> Callers, TestUser Expert, TestUser Colleague, DossierDto Dossier, ParticipantDto Participant,
    AppointmentDto Appointment, AppointmentDto ToPlan, DocumentDto Document, Guid Task, Guid Instance, Guid Invitation, Dictionary<Guid, Guid> Ranges,
    Dictionary<Guid, Guid> Feeds, Guid Location, string FeedToken, string RefreshToken)
{
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    public static async Task<ContractWorld> Create(AppFixture app)
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
        return new ContractWorld(callers, expert, colleague, dossier, participant, appointment, toPlan, document, task, instance, invitation, ranges, feeds, location.Id,
            feed.Token, refresh);
    }
}

/// <summary>Values that fit: real ids by what the field names, dates in the expert's available morning, words of the enums.</summary>
internal sealed class ContractSample(ContractWorld world, TestUser? caller, JsonObject document)
{
    public JsonObject Document => document;

    private Guid Me => caller?.Id ?? world.Expert.Id;

    public string PathValue(string path, ContractParameter p) => p.Name switch
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

    public string QueryValue(string path, ContractParameter p) => p.Name switch
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

    public string? Body(ContractOperation operation)
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
        "/appointments/book" => end ? ContractWorld.At(23, 10, 30) : ContractWorld.At(23, 10),
        "/appointments/{id}/plan" => end ? ContractWorld.At(23, 11, 30) : ContractWorld.At(23, 11),
        "/appointments/{id}/reschedule" => end ? ContractWorld.At(23, 9, 30) : ContractWorld.At(23, 8, 30),
        "/users/{id}/availability" => end ? ContractWorld.At(24, 12) : ContractWorld.At(24, 8),
        "/users/{id}/availability/{rangeId}" => end ? ContractWorld.At(26, 12) : ContractWorld.At(26, 8),
        _ => end ? ContractWorld.At(23, 11) : ContractWorld.At(23, 10, 30),
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
