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
    Dictionary<Guid, Guid> Feeds, Guid Location, string FeedToken, string RefreshToken, ContractWorld.OwnObjects Own)
{
    /// <summary>
    /// Objects in the state one operation needs to succeed, each used by that operation alone (another operation,
    /// run before it, would otherwise have moved the shared one on: planned, re-invited, closed).
    /// </summary>
    internal sealed record OwnObjects(Guid BegunAppointment, Guid DoneAppointment, Guid AppointmentToDelete, Guid InvitationToAnswer, Guid TaskWithoutForm,
        Guid TaskWithSimpleForm, Guid OpenDossier, Guid ParticipantToRemove, (Guid Instance, Guid Incident) ToRetry, (Guid Instance, Guid Incident) ToSkip);

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
        var own = await CreateOwnObjects(app, callers, expert, dossier);
        using var anonymous = await app.Client();
        var login = await anonymous.PostAsync("/auth/login", new StringContent(JsonSerializer.Serialize(new { email = expert.Email, password = AppFixture.Password }), Encoding.UTF8, "application/json"));
        var refresh = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString()!;
        return new ContractWorld(callers, expert, colleague, dossier, participant, appointment, toPlan, document, task, instance, invitation, ranges, feeds, location.Id,
            feed.Token, refresh, own);
    }

    private static async Task<OwnObjects> CreateOwnObjects(AppFixture app, Dictionary<string, TestUser> callers, TestUser expert, DossierDto dossier)
    {
        var planner = callers[Roles.Planner];
        var designer = callers[Roles.Designer];
        // The expert's early Monday, before the clock's 7:00: one appointment under way, one done.
        await app.Send(new AddAvailabilityRange.Command(expert.Id, Scenario.At(5), Scenario.At(7, 30), null), planner);
        var begun = await app.Send(new CreateAppointment.Command(dossier.Id, "Begun", expert.Id, Scenario.At(5), Scenario.At(6)), planner);
        var done = await app.Send(new CreateAppointment.Command(dossier.Id, "Done", expert.Id, Scenario.At(6), Scenario.At(6, 30)), planner);
        await app.Send(new MarkAppointmentDone.Command(done.Id), planner);
        var toDelete = await app.Send(new CreateAppointment.Command(dossier.Id, "To delete"), planner);
        // The planner's own afternoon, with the expert caller invited.
        var toAnswer = await app.Send(new CreateAppointment.Command(dossier.Id, "To answer", planner.Id, Scenario.At(14), Scenario.At(15),
            UserIds: [callers[Roles.Expert].Id]), planner);
        var invitation = await app.Query(db => db.Invitations.Where(i => i.AppointmentId == toAnswer.Id && i.UserId == callers[Roles.Expert].Id).Select(i => i.Id).SingleAsync());
        var withoutForm = await app.Send(new Workflow.Application.Tasks.CreateTask.Command(dossier.Id, "Call back", CandidateRole: Roles.Planner), planner);
        await app.Send(new Workflow.Application.FormDefinitions.ImportForm.Command("contract-note", JsonNode.Parse(
            """{"display":"form","components":[{"type":"textfield","key":"note","label":"Note","input":true}]}""")!.AsObject()), designer);
        var withForm = await app.Send(new Workflow.Application.Tasks.CreateTask.Command(dossier.Id, "Write a note", CandidateRole: Roles.Planner, FormKey: "contract-note"), planner);
        var open = await app.Send(new CreateDossier.Command("Contract, open", "contract-other", planner.Id), planner);
        var participant = await app.Send(new AddParticipant.Command(open.Id, ParticipantKind.InternalUser, "expert", expert.Id), planner);
        // A service task cancelling an appointment that does not exist fails at once: an incident to retry, one to skip.
        await app.Send(new DeployDefinition.Command(Bpmn.Service("contract-incident", "Scheduling.CancelAppointment",
            """<wf:input target="appointmentId" expression="appointmentId" /><wf:input target="reason" expression="'no longer needed'" />""", retries: 1), Publish: true), designer);
        async Task<(Guid, Guid)> Incident()
        {
            var started = await app.Send(new StartInstance.Command("contract-incident", open.Id, Variables: new() { ["appointmentId"] = Guid.NewGuid().ToString() }), planner);
            var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.Id == started.Id));
            return (started.Id, instance.ReadState().Incidents.Single().Id);
        }
        return new OwnObjects(begun.Id, done.Id, toDelete.Id, invitation, withoutForm.Id, withForm.Id, open.Id, participant.Id, await Incident(), await Incident());
    }
}

/// <summary>Values that fit: real ids by what the field names, dates in the expert's available morning, words of the enums.</summary>
internal sealed class ContractSample(ContractWorld world, TestUser? caller, JsonObject document)
{
    public JsonObject Document => document;

    private Guid Me => caller?.Id ?? world.Expert.Id;

    public string PathValue(ContractOperation operation, ContractParameter p) => (operation.Method, operation.Path, p.Name) switch
    {
        ("post", "/appointments/{id}/done", "id") => world.Own.BegunAppointment.ToString(),
        ("post", "/appointments/{id}/exchange", "id") => world.Own.DoneAppointment.ToString(),
        ("delete", "/appointments/{id}", "id") => world.Own.AppointmentToDelete.ToString(),
        ("post", "/invitations/{id}/answer", "id") => world.Own.InvitationToAnswer.ToString(),
        ("post", "/tasks/{id}/complete", "id") => world.Own.TaskWithoutForm.ToString(),
        ("post", "/tasks/{id}/form/submit", "id") => world.Own.TaskWithSimpleForm.ToString(),
        ("delete", "/dossiers/{id}/participants/{participantId}", "id") => world.Own.OpenDossier.ToString(),
        ("delete", "/dossiers/{id}/participants/{participantId}", "participantId") => world.Own.ParticipantToRemove.ToString(),
        (_, "/workflows/instances/{id}/incidents/{incidentId}/retry", var name) => (name == "id" ? world.Own.ToRetry.Instance : world.Own.ToRetry.Incident).ToString(),
        (_, "/workflows/instances/{id}/incidents/{incidentId}/skip", var name) => (name == "id" ? world.Own.ToSkip.Instance : world.Own.ToSkip.Incident).ToString(),
        // Version 2 is published by its own operation, which runs first.
        (_, "/workflows/definitions/{key}/versions/{version}/unpublish", "version") => "2",
        _ => PathValue(operation.Path, p),
    };

    private string PathValue(string path, ContractParameter p) => p.Name switch
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
        if (name == "mapping" && _path.EndsWith("/migrate", StringComparison.Ordinal))
            return new JsonObject { ["Review"] = "Check" };
        if (nullable && (name is "taskId" or "appointmentId" or "locationId" or "instanceIds" or "mapping" or "formKey" or "formVersion" || depth > 2))
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
