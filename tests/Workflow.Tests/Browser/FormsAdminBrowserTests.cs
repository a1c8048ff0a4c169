using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.FormDefinitions;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The forms administration in a real browser: designers import Form.io forms and their versions, see them listed and previewed.</summary>
public sealed class FormsAdminBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Form(string title, params (string Type, string Key, string Label)[] fields) => new JsonObject
    {
        ["display"] = "form",
        ["title"] = title,
        ["components"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["type"] = f.Type, ["key"] = f.Key, ["label"] = f.Label, ["input"] = true })]),
    }.ToJsonString(new() { WriteIndented = true });

    private Task<string> NameOf(TestUser user) => app.Query(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    private Task<int> VersionsOf(string key) => app.Query(db => db.Set<FormDefinition>().CountAsync(f => f.Key == key));

    [Fact]
    public async Task A_designer_imports_a_new_form_from_pasted_json_and_sees_it_listed_and_previewed()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var s = await AppSession.SignIn(app, designer, "fr-BE");
        var page = s.Page;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Formulaires" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formulaires", Level = 1 })).ToBeVisibleAsync();
        // The shipped forms are there; the new one is not yet.
        await Expect(page.Locator("#forms tr[data-key='plan-appointment']")).ToBeVisibleAsync();
        await Expect(page.Locator("#forms tr[data-key='visit-note']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Importer un formulaire" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Importer un formulaire" });
        await Expect(panel.GetByText("des chiffres, reliés par des tirets")).ToBeVisibleAsync();
        await panel.GetByLabel("Clé du formulaire").FillAsync("visit-note");
        await panel.GetByLabel("JSON du formulaire").FillAsync(Form("Visit note", ("textfield", "weather", "Weather"), ("textarea", "note", "Note")));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1 importée.");
        var row = page.Locator("#forms tr[data-key='visit-note']");
        await Expect(row.Locator(".latest")).ToHaveTextAsync("v1");
        await Expect(row.Locator(".count")).ToHaveTextAsync("1");
        await Expect(row).ToContainTextAsync("Visit note");
        await s.Screenshot("forms-admin-list-imported");
        (await s.AccessibilityViolations()).ShouldBeEmpty();

        await row.GetByRole(AriaRole.Link, new() { Name = "visit-note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("visit-note");
        var versions = page.Locator("#versions tbody tr");
        await Expect(versions).ToHaveCountAsync(1);
        await Expect(versions.First).ToContainTextAsync(await NameOf(designer));
        // The preview draws the form as task users see it, read-only.
        var preview = page.GetByRole(AriaRole.Group, new() { Name = "Aperçu de la version 1" });
        await Expect(preview.GetByLabel("Weather")).ToBeVisibleAsync();
        await Expect(preview.GetByLabel("Weather")).ToBeDisabledAsync();
        // A read-only text area is drawn as an empty box named after its field.
        await Expect(preview.GetByText("Note", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Textbox, new() { Name = "Note" })).ToHaveAttributeAsync("aria-readonly", "true");
        await s.Screenshot("forms-admin-form-preview");
        (await s.AccessibilityViolations()).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "← Tous les formulaires" }).ClickAsync();
        await Expect(page.Locator("#forms tr[data-key='visit-note'] .latest")).ToHaveTextAsync("v1");
        (await VersionsOf("visit-note")).ShouldBe(1);
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changed_content_from_a_file_makes_the_next_version_and_the_same_content_imports_nothing()
    {
        var designer = await app.CreateUser(Roles.Designer);
        using var api = await app.Client(designer);
        (await api.Post("/forms/claim-sheet/versions", new { schema = JsonNode.Parse(Form("Claim sheet", ("textfield", "name", "Name"))) })).EnsureSuccessStatusCode();
        await using var s = await AppSession.SignIn(app, designer);
        var page = s.Page;

        await page.GotoAsync("/app/forms/claim-sheet");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Preview of version 1" }).GetByLabel("Name")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import a new version" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Import a new version of “claim-sheet”" });
        // The builder's export, chosen as a file: its content shows in the box.
        var changed = Form("Claim sheet", ("textfield", "name", "Name"), ("number", "amount", "Amount claimed"));
        await panel.GetByLabel("JSON file").SetInputFilesAsync(new FilePayload { Name = "claim-sheet.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(changed) });
        await Expect(panel.GetByLabel("Form JSON")).ToHaveValueAsync(changed);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Version 2 imported\\."));
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#versions tbody tr").First).ToHaveAttributeAsync("data-version", "2");
        await Expect(page.Locator("#versions tr[data-version='2']")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Preview of version 2" }).GetByLabel("Amount claimed")).ToBeVisibleAsync();

        // The same content again: said, and nothing is made.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync("Same content as version 2: nothing imported.");
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(2);
        (await VersionsOf("claim-sheet")).ShouldBe(2);

        // An older version is previewed on demand.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show version 1" }).ClickAsync();
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Preview of version 1" });
        await Expect(first.GetByLabel("Name")).ToBeVisibleAsync();
        await Expect(first.GetByLabel("Amount claimed")).ToHaveCountAsync(0);
        await s.Screenshot("forms-admin-versions");
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_form_is_refused_showing_the_component_and_the_pasted_text_stays()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await using var s = await AppSession.SignIn(app, designer);
        s.ExpectedStatuses.Add(422);
        var page = s.Page;
        var posts = 0;
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("/forms/", StringComparison.Ordinal)) posts++; };
        await page.GotoAsync("/app/forms?import=1");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Import a form" });
        var key = panel.GetByLabel("Form key");
        var text = panel.GetByLabel("Form JSON");
        var import = panel.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });

        // Not JSON: said in the browser, with where; nothing is sent.
        await key.FillAsync("insured-sheet");
        await text.FillAsync("{\n  \"components\": [\n    { \"type\": \"textfield\", \"key\": \"name\" },\n  ]\n}");
        await import.ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("This text is not valid JSON: error near line 4");
        await Expect(panel.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was sent.");
        // A key that is not one is said under the field.
        await key.FillAsync("Insured Sheet");
        await text.FillAsync(Form("Sheet", ("textfield", "name", "Name")));
        await import.ClickAsync();
        await Expect(panel.GetByText("The key is not valid")).ToBeVisibleAsync();
        posts.ShouldBe(0);

        // A nested form that only names another form, inside a panel.
        var nested = """
            {
              "display": "form",
              "title": "Insured sheet",
              "components": [
                { "type": "textfield", "key": "name", "label": "Name", "input": true },
                { "type": "panel", "key": "insuredPanel", "title": "Insured person", "components": [
                  { "type": "form", "key": "x", "input": true, "form": "5f2a9c0e8b1d4a0012345678" }
                ] }
              ]
            }
            """;
        await key.FillAsync("insured-sheet");
        await text.FillAsync(nested);
        await import.ClickAsync();
        var refusal = panel.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("The form was refused: nothing was imported.");
        await Expect(refusal).ToContainTextAsync("names form '5f2a9c0e8b1d4a0012345678' without including its components");
        await Expect(refusal).ToContainTextAsync("Place: components[1].components[0] — component with key x (type form) in Insured person");
        await Expect(text).ToHaveValueAsync(nested);
        await s.Screenshot("forms-admin-refused");
        (await s.AccessibilityViolations()).ShouldBeEmpty();

        // A component type the server does not take, named by its label.
        var recaptcha = Form("Insured sheet", ("textfield", "name", "Name"), ("recaptcha", "launch", "Robot check"));
        await text.FillAsync(recaptcha);
        await import.ClickAsync();
        await Expect(refusal).ToContainTextAsync("recaptcha");
        await Expect(refusal).ToContainTextAsync("Place: components[1] — component “Robot check” (key launch, type recaptcha)");
        await Expect(text).ToHaveValueAsync(recaptcha);
        await Expect(key).ToHaveValueAsync("insured-sheet");
        posts.ShouldBe(2);
        (await VersionsOf("insured-sheet")).ShouldBe(0);
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_planner_has_no_forms_item_and_is_told_the_screen_is_not_theirs()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My tasks" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Forms" })).ToHaveCountAsync(0);

        await page.GotoAsync("/app/forms");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You may not do this. Ask an administrator.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import a form" })).ToHaveCountAsync(0);
        await page.GotoAsync("/app/forms/plan-appointment");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You may not do this. Ask an administrator.");
        await Expect(page.Locator("#versions")).ToHaveCountAsync(0);
        s.Problems.ShouldBeEmpty();
    }

    /// <summary>Words a French label may share with its English source.</summary>
    private static readonly HashSet<string> SameInBoth = ["Dossier", "Participants", "Confirmation", "Latitude", "Longitude", "Causes", "Conclusion"];

    [Theory]
    [InlineData("expertise-report")]
    [InlineData("first-meeting")]
    [InlineData("plan-appointment")]
    public async Task A_shipped_form_shows_every_label_in_french_on_a_french_screen(string key)
    {
        // The labels, titles and option texts of the form as shipped (in English, the source language of the forms).
        var english = new HashSet<string>(StringComparer.Ordinal);
        void Collect(JsonNode? node)
        {
            if (node is JsonArray list) foreach (var item in list) Collect(item);
            if (node is not JsonObject o) return;
            foreach (var name in new[] { "label", "title", "legend" })
                if (o[name] is JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0 && !SameInBoth.Contains(text)) english.Add(text.Trim());
            foreach (var (_, child) in o) Collect(child);
        }
        Collect(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Node.RepositoryRoot, "forms", $"{key}.json"))));
        english.ShouldNotBeEmpty();

        var designer = await app.CreateUser(Roles.Designer);
        await using var s = await AppSession.SignIn(app, designer, "fr-BE");
        await s.Page.GotoAsync($"/app/forms/{key}");
        var preview = s.Page.Locator(".task-formio");
        await Expect(preview.Locator("label:visible").First).ToBeVisibleAsync();

        // Every page of a wizard: its tabs name the pages, and each page's fields are drawn when it is shown.
        var shown = new List<string>();
        var tabs = await preview.GetByRole(AriaRole.Tab).CountAsync();
        for (var page = 0; page < Math.Max(tabs, 1); page++)
        {
            if (tabs > 0) await preview.GetByRole(AriaRole.Tab).Nth(page).ClickAsync();
            shown.AddRange(await preview.Locator("label, legend, .form-check-label, [role=tab], .card-title, th").AllInnerTextsAsync());
        }
        var left = shown.Select(t => t.Replace("*", "").Trim()).Where(english.Contains).Distinct().ToList();
        left.ShouldBeEmpty($"English labels left on the French screen of {key}");
        s.Problems.ShouldBeEmpty();
    }
}
