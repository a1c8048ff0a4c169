using System.Net;
using System.Text.Json.Nodes;
using FluentValidation;
using Workflow.Application.Common;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Forms;

public sealed class FormDefinitionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static JsonObject Form(params string[] keys) => new()
    {
        ["title"] = "Test form",
        ["components"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject
        {
            ["type"] = "textfield", ["key"] = k, ["input"] = true, ["validate"] = new JsonObject { ["required"] = true },
        }).ToArray()),
    };

    [Fact]
    public async Task The_shipped_forms_are_imported_at_start_up_and_staff_read_them()
    {
        var client = await app.Client(await app.CreateUser(Roles.Expert));

        var forms = await (await client.GetAsync("/forms")).Read<List<FormSummary>>();
        forms.Select(f => f.Key).ShouldContain("plan-appointment");
        forms.Select(f => f.Key).ShouldContain("expertise-report");
        forms.Select(f => f.Key).ShouldContain("first-meeting");

        var plan = await (await client.GetAsync("/forms/plan-appointment/versions/1")).Read<FormVersionSchema>();
        plan.Schema["display"]!.GetValue<string>().ShouldBe("wizard");
        plan.Form.ContentHash.Length.ShouldBe(64);
        (await client.GetAsync("/forms/plan-appointment/versions/99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Importing_the_same_content_creates_nothing_and_changed_content_the_next_version()
    {
        var designer = await app.Client(await app.CreateUser(Roles.Designer));

        var first = await (await designer.Post("/forms/contact-sheet/versions", new { schema = Form("name") })).Read<ImportForm.Result>(HttpStatusCode.Created);
        var again = await (await designer.Post("/forms/contact-sheet/versions", new { schema = Form("name") })).Read<ImportForm.Result>();
        var changed = await (await designer.Post("/forms/contact-sheet/versions", new { schema = Form("name", "phone") })).Read<ImportForm.Result>(HttpStatusCode.Created);

        first.Form.Version.ShouldBe(1);
        again.Created.ShouldBeFalse();
        again.Form.Version.ShouldBe(1);
        changed.Form.Version.ShouldBe(2);
        changed.Form.ContentHash.ShouldNotBe(first.Form.ContentHash);
        var versions = await (await designer.GetAsync("/forms/contact-sheet/versions")).Read<List<FormVersionDto>>();
        versions.Select(v => v.Version).ShouldBe([1, 2]);
        var v1 = await (await designer.GetAsync("/forms/contact-sheet/versions/1")).Read<FormVersionSchema>();
        v1.Schema["components"]!.AsArray().Count.ShouldBe(1);
        (await (await designer.GetAsync("/forms/contact-sheet")).Read<FormVersionSchema>()).Form.Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_malformed_schema_is_refused_with_the_component_path()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var schema = Form("name");
        schema["components"]!.AsArray().Add(new JsonObject { ["type"] = "recaptcha", ["key"] = "launch", ["input"] = true });

        var problem = await (await admin.Post("/forms/broken/versions", new { schema })).Problem(HttpStatusCode.UnprocessableEntity);

        problem.Reason().ShouldBe("malformed-form");
        problem.GetProperty("path").GetString().ShouldBe("components[1]");
        problem.GetProperty("problem").GetString()!.ShouldContain("recaptcha");
        (await admin.GetAsync("/forms/broken/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_nested_form_naming_a_form_of_another_server_is_refused_at_import_naming_it()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var schema = Form("name");
        schema["components"]!.AsArray().Add(new JsonObject { ["type"] = "form", ["key"] = "insured", ["input"] = true, ["form"] = "5f2a9c0e8b1d4a0012345678" });

        var problem = await (await admin.Post("/forms/with-reference/versions", new { schema })).Problem(HttpStatusCode.UnprocessableEntity);

        problem.Reason().ShouldBe("malformed-form");
        problem.GetProperty("path").GetString().ShouldBe("components[1]");
        problem.GetProperty("problem").GetString()!.ShouldStartWith("the nested form 'insured' names form '5f2a9c0e8b1d4a0012345678' without including its components");
        (await admin.GetAsync("/forms/with-reference/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_key_or_a_missing_schema_is_a_400_naming_the_field()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));

        var problem = await (await admin.Post("/forms/Not_A_Key/versions", new { schema = Form("x") })).Problem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("key", out _).ShouldBeTrue();
        problem = await (await admin.Post("/forms/fine-key/versions", new { })).Problem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("schema", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_schema_past_the_limits_is_a_400_naming_where_and_nothing_is_imported()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var hugeLabel = Form("a", "b");
        hugeLabel["components"]![1]!["label"] = new string('x', 1_000_000 - 500);
        var tooMany = Form([.. Enumerable.Range(0, FormSchemaLimits.MaxComponents + 1).Select(i => $"f{i}")]);
        JsonObject deep = Form("leaf");
        for (var i = 0; i < FormSchemaLimits.MaxNesting; i++)
            deep = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["type"] = "panel", ["key"] = $"p{i}", ["components"] = deep["components"]!.DeepClone() }) };
        var tooBig = Form("a");
        tooBig["components"]![0]!["html"] = new string('x', FormSchemaLimits.MaxCharacters);

        var label = await (await admin.Post("/forms/huge-label/versions", new { schema = hugeLabel })).Problem(HttpStatusCode.BadRequest);
        var many = await (await admin.Post("/forms/too-many/versions", new { schema = tooMany })).Problem(HttpStatusCode.BadRequest);
        var nested = await (await admin.Post("/forms/too-deep/versions", new { schema = deep })).Problem(HttpStatusCode.BadRequest);
        var big = await (await admin.Post("/forms/too-big/versions", new { schema = tooBig })).Problem(HttpStatusCode.BadRequest);

        label.GetProperty("errors").GetProperty("schema.components[1].label")[0].GetString().ShouldBe("A label is at most 500 characters.");
        many.GetProperty("errors").GetProperty("schema")[0].GetString().ShouldBe("A form has at most 1000 components.");
        nested.GetProperty("errors").EnumerateObject().Single().Name.ShouldEndWith(".components[0]");
        big.GetProperty("errors").GetProperty("schema")[0].GetString().ShouldBe("A form schema is at most 1 MB of JSON.");
        (await (await admin.GetAsync("/forms")).Read<List<FormSummary>>()).Select(f => f.Key).ShouldNotContain("huge-label");
    }

    [Fact]
    public async Task A_task_pins_the_latest_version_when_none_is_asked_and_keeps_it()
    {
        var s = await Scenario.Create(app);
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new ImportForm.Command("visit-note", Form("note")), designer);
        await app.Send(new ImportForm.Command("visit-note", Form("note", "weather")), designer);

        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "Note", AssigneeId: s.Expert.Id, FormKey: "visit-note"), s.Planner);
        await app.Send(new ImportForm.Command("visit-note", Form("note", "weather", "mood")), designer);

        task.FormVersion.ShouldBe(2);
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).FormVersion.ShouldBe(2);
        var view = await app.Send(new GetTaskForm.Query(task.Id), s.Expert);
        view.Form.Version.ShouldBe(2);
        view.Schema["components"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_task_naming_an_unknown_form_or_version_is_refused_on_that_field()
    {
        var s = await Scenario.Create(app);

        var unknown = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(new CreateTask.Command(s.Dossier.Id, "x", AssigneeId: s.Expert.Id, FormKey: "no-such-form"), s.Planner));
        var version = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(new CreateTask.Command(s.Dossier.Id, "x", AssigneeId: s.Expert.Id, FormKey: "plan-appointment", FormVersion: 42), s.Planner));

        unknown.Errors.Single().PropertyName.ShouldBe("formKey");
        version.Errors.Single().PropertyName.ShouldBe("formVersion");
    }
}
