using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

/// <summary>What the designer offers (commands, events, forms, roles, the moddle descriptor) and the deploy-time check of event types.</summary>
public sealed class DesignerCatalogueTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static (string Name, string Type, bool Required) FieldOf(JsonElement field) =>
        (field.GetProperty("name").GetString()!, field.GetProperty("type").GetString()!, field.GetProperty("required").GetBoolean());

    [Fact]
    public async Task The_catalogue_lists_the_commands_with_their_input_fields_the_events_with_their_payload_the_imported_forms_and_the_roles()
    {
        var designer = await app.CreateUser(Roles.Designer);
        var client = await app.Client(designer);

        var catalogue = await (await client.GetAsync("/workflows/catalogue")).Read<JsonElement>();

        var commands = catalogue.GetProperty("commands").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("fields"));
        commands.Keys.ShouldBe(Application.Workflows.WorkflowCatalogue.Commands.Keys, ignoreOrder: true);
        var book = commands["Scheduling.BookAppointment"].EnumerateArray().Select(FieldOf).ToList();
        book.ShouldContain(("dossierId", "string", true));
        book.ShouldContain(("title", "string", true));
        book.ShouldContain(("start", "string", true));
        book.ShouldContain(("assignAsExpert", "boolean", false));
        book.ShouldContain(("locationId", "string", false));
        book.ShouldContain(("userIds", "array", false));
        commands["Scheduling.SetAppointmentParties"].EnumerateArray().Select(FieldOf).ShouldContain(("participantIds", "array", true));
        commands["Tasks.CreateTask"].EnumerateArray().Select(FieldOf).ShouldContain(("description", "string", false));

        var events = catalogue.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("type").GetString()!, e => e.GetProperty("fields"));
        events.Keys.ShouldContain("DossierCreated");
        events.Keys.ShouldContain("AppointmentDone");
        events.Keys.ShouldContain("TaskCompleted");
        events.Keys.ShouldNotContain("WorkflowTimerSet");
        events.Keys.ShouldNotContain("WorkflowTimerCleared");
        events.Keys.ShouldNotContain("WorkflowDefinitionPublished");
        events.Keys.ShouldNotContain("WorkflowDefinitionUnpublished");
        var created = events["DossierCreated"].EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("type").GetString())).ToList();
        created.ShouldContain(("dossierId", "string"));
        created.ShouldContain(("kind", "string"));
        created.ShouldContain(("confidential", "boolean"));

        var imported = await app.Query(db => db.Set<Application.FormDefinitions.FormDefinition>().Select(f => new { f.Key, f.Title }).Distinct().ToListAsync());
        imported.ShouldNotBeEmpty();
        var forms = catalogue.GetProperty("forms").EnumerateArray().Select(f => (f.GetProperty("key").GetString()!, f.GetProperty("title").GetString()!)).ToList();
        forms.ShouldBe(imported.Select(f => (f.Key, f.Title)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList());
        forms.ShouldContain(f => f.Item1 == "plan-appointment");
        catalogue.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(Roles.All);
    }

    [Fact]
    public async Task The_moddle_descriptor_served_to_the_designer_is_the_one_the_engine_ships()
    {
        var client = await app.Client(await app.CreateUser(Roles.Designer));

        var response = await client.GetAsync("/workflows/moddle.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var served = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Node.RepositoryRoot, "src/Workflow.Engine/Reading/wf.moddle.json"))).RootElement;
        served.GetRawText().ShouldBe(file.GetRawText());
        served.GetProperty("prefix").GetString().ShouldBe("wf");
    }

    [Fact]
    public async Task Deploying_a_message_event_whose_event_type_the_application_never_raises_is_a_422_naming_the_element()
    {
        var client = await app.Client(await app.CreateUser(Roles.Designer));
        var xml = Bpmn.Review("typo", "kind-typo").Replace("eventType=\"DossierClosed\"", "eventType=\"DossierClose\"");

        var response = await client.PostAsJsonAsync("/workflows/definitions", new { xml });

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity);
        problem.Reason().ShouldBe("invalid-definition");
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("element").GetString().ShouldBe("Closed");
        error.GetProperty("message").GetString()!.ShouldContain("unknown event type 'DossierClose'");
        (await app.Query(db => db.WorkflowDefinitions.CountAsync(d => d.Key == "typo"))).ShouldBe(0);
        (await client.PostAsJsonAsync("/workflows/definitions", new { xml = Bpmn.Review("typo", "kind-typo") })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
