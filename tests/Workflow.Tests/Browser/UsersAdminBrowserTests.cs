using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Common;
using Workflow.Application.Skills;
using Workflow.Application.Users;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>The users' administration screen in a real browser: the list and its filters, creating and changing users, the skill catalogue.</summary>
public sealed class UsersAdminBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private Task<string> NameOf(TestUser user) => app.Query(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync());

    private async Task<string> Skill(TestUser admin, string name)
    {
        var code = $"skill-{Suffix()}";
        await app.Send(new CreateSkill.Command(code, name), admin);
        return code;
    }

    private static ILocator Nav(IPage page, string name = "Main navigation") => page.GetByRole(AriaRole.Navigation, new() { Name = name });

    /// <summary>The error text a field points to with aria-describedby (its last id).</summary>
    private static async Task<ILocator> ErrorOf(IPage page, ILocator field)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var id = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ').Last();
        return page.Locator($"[id='{id}']");
    }

    [Fact]
    public async Task Admin_creates_an_expert_who_is_found_by_role_and_search_and_can_sign_in()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var suffix = Suffix();
        var skillName = $"Toitures {suffix}";
        await Skill(admin, skillName);
        await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, admin);
        var page = s.Page;

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New user" });
        var name = $"Nadia Lambert {suffix}";
        var email = $"nadia.{suffix}@example.test";
        await dialog.GetByLabel("Full name").FillAsync(name);
        await dialog.GetByLabel("E-mail address").FillAsync(email);
        await dialog.GetByLabel("Initial password").FillAsync("Expert-Pass1!");
        await Expect(dialog.GetByText("At least 8 characters, with an upper-case letter")).ToBeVisibleAsync();
        await dialog.GetByLabel("expert", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel(skillName).CheckAsync();
        // The time zone starts as the administrator's own.
        var zone = dialog.GetByLabel("Time zone");
        await Expect(zone).ToHaveValueAsync("Europe/Brussels");
        await zone.SelectOptionAsync("Europe/Paris");
        await dialog.GetByLabel("Base address").FillAsync("Rue du Moulin 3, 5000 Namur");
        await dialog.GetByLabel("Latitude").FillAsync("50.4669");
        await dialog.GetByLabel("Longitude").FillAsync("4,8675");
        await s.Screenshot("users-new");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create the user" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByText($"User {name} created.")).ToBeVisibleAsync();
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "expert" });
        await page.GetByLabel("Search (name or e-mail)").FillAsync(suffix);
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"role=expert.*search={suffix}|search={suffix}.*role=expert"));
        var rows = page.Locator("#users tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync(email);
        await Expect(row.Locator(".badge")).ToHaveTextAsync(["expert"]);
        await Expect(row).ToContainTextAsync(skillName);
        await Expect(row).ToContainTextAsync("Europe/Paris");
        await Expect(row).ToContainTextAsync("Rue du Moulin 3, 5000 Namur");
        await s.Screenshot("users-filtered");

        // The same filters with another role find nobody: the empty state says so.
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "planner" });
        await Expect(page.GetByText($"No user found for “{suffix}”.")).ToBeVisibleAsync();
        s.Problems.ShouldBeEmpty();

        var saved = await app.Query(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        saved.BaseAddress!.Longitude.ShouldBe(4.8675);
        saved.TimeZone.ShouldBe("Europe/Paris");

        // The new expert signs in with the password the administrator gave and lands on their screens.
        await using var expert = await AppSession.Open(app);
        await expert.SignInAs(email, "Expert-Pass1!");
        await Expect(Nav(expert.Page).GetByRole(AriaRole.Link, new() { Name = "My tasks" })).ToBeVisibleAsync();
        await Expect(Nav(expert.Page).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        expert.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Admin_changes_a_users_roles_and_skills_and_the_table_shows_them_after_reload()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var skillName = $"Incendie {Suffix()}";
        var skill = await Skill(admin, skillName);
        var planner = await app.CreateUser(Roles.Planner);
        var name = await NameOf(planner);
        await using var s = await AppSession.SignIn(app, admin);
        var page = s.Page;

        await page.GotoAsync($"/app/users?search={Uri.EscapeDataString(planner.Email)}");
        var row = page.Locator("#users tbody tr");
        await Expect(row.Locator(".badge")).ToHaveTextAsync(["planner"]);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit {name}" });
        await Expect(dialog.GetByText(planner.Email)).ToBeVisibleAsync();
        await dialog.GetByLabel("planner", new() { Exact = true }).UncheckAsync();
        await dialog.GetByLabel("expert", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel(skillName).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText($"User {name} saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync(["expert"]);
        await Expect(row).ToContainTextAsync(skillName);
        s.Problems.ShouldBeEmpty();
        var roles = await app.Query(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == planner.Id select r.Name).ToListAsync());
        roles.ShouldBe(["expert"]);
        (await app.Query(db => db.Users.Where(u => u.Id == planner.Id).Select(u => u.Skills).SingleAsync())).ShouldBe([skill]);
    }

    [Fact]
    public async Task Emptying_a_users_base_address_in_the_edit_dialog_takes_it_away()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var expert = await app.CreateUser(Roles.Expert);
        await app.Send(new UpdateUser.Command(expert.Id, null, null, null, new Address("Place d'Armes 1, 5000 Namur", 50.4623, 4.8686), null), admin);
        var name = await NameOf(expert);
        await using var s = await AppSession.SignIn(app, admin);
        var page = s.Page;
        await page.GotoAsync($"/app/users?search={Uri.EscapeDataString(expert.Email)}");
        var row = page.Locator("#users tbody tr");
        await Expect(row).ToContainTextAsync("Place d'Armes 1, 5000 Namur");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit {name}" });
        await dialog.GetByLabel("Base address", new() { Exact = true }).FillAsync("");
        await dialog.GetByLabel("Latitude (optional)").FillAsync("");
        await dialog.GetByLabel("Longitude (optional)").FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText($"User {name} saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(row).Not.ToContainTextAsync("Place d'Armes");
        (await app.Query(db => db.Users.Where(u => u.Id == expert.Id).Select(u => u.BaseAddress).SingleAsync())).ShouldBeNull();
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_creation_shows_the_reason_on_its_field_and_keeps_what_was_typed()
    {
        var admin = await app.CreateUser(Roles.Admin);
        var taken = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, admin, "fr-BE");
        s.ExpectedStatuses.Add(400);
        s.ExpectedStatuses.Add(409);
        var page = s.Page;

        await page.GotoAsync("/app/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Nouvel utilisateur" });
        var fullName = dialog.GetByLabel("Nom complet");
        var email = dialog.GetByLabel("Adresse e-mail");
        var password = dialog.GetByLabel("Mot de passe initial");
        await fullName.FillAsync("Jean Doublon");
        await email.FillAsync(taken.Email);
        await password.FillAsync("court");
        await dialog.GetByLabel("planificateur", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("Adresse de base").FillAsync("Place d’Armes 1, 5000 Namur");

        // Too short: the rule, in French, under the password.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Créer l’utilisateur" }).ClickAsync();
        await Expect(await ErrorOf(page, password)).ToContainTextAsync("Ce mot de passe ne respecte pas les règles : au moins 8 caractères");
        await Expect(fullName).ToHaveValueAsync("Jean Doublon");
        await Expect(email).ToHaveValueAsync(taken.Email);
        await Expect(password).ToHaveValueAsync("court");
        await Expect(dialog.GetByLabel("planificateur", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(dialog.GetByLabel("Adresse de base")).ToHaveValueAsync("Place d’Armes 1, 5000 Namur");
        await s.Screenshot("users-refused-password");

        // A good password, but the e-mail is someone else's: the refusal moves to the e-mail.
        await password.FillAsync("Valide-123!");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Créer l’utilisateur" }).ClickAsync();
        await Expect(await ErrorOf(page, email)).ToHaveTextAsync("Un utilisateur a déjà cette adresse e-mail.");
        await Expect(password).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(fullName).ToHaveValueAsync("Jean Doublon");
        await Expect(dialog.GetByLabel("planificateur", new() { Exact = true })).ToBeCheckedAsync();
        await s.Screenshot("users-refused-duplicate");
        s.Problems.ShouldBeEmpty();
        (await app.Query(db => db.Users.CountAsync(u => u.FullName == "Jean Doublon"))).ShouldBe(0);
    }

    [Fact]
    public async Task Admin_adds_a_skill_and_it_is_offered_when_creating_a_user()
    {
        var admin = await app.CreateUser(Roles.Admin);
        await using var s = await AppSession.SignIn(app, admin);
        s.ExpectedStatuses.Add(400);
        var page = s.Page;
        var code = $"glass-{Suffix()}";
        var label = $"Bris de vitres {code[6..]}";

        await page.GotoAsync("/app/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a skill" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New skill" });
        var codeField = dialog.GetByLabel("Code");
        await codeField.FillAsync("Bris De Vitres");
        await dialog.GetByLabel("Label").FillAsync(label);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(await ErrorOf(page, codeField)).ToContainTextAsync("lower-case words");
        await Expect(dialog.GetByLabel("Label")).ToHaveValueAsync(label);

        await codeField.FillAsync(code);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByText($"Skill “{label}” added.")).ToBeVisibleAsync();
        await Expect(page.Locator("#skills tbody tr", new() { HasText = code })).ToContainTextAsync(label);

        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "New user" }).GetByLabel(label)).ToBeVisibleAsync();
        await s.Screenshot("users-skill-offered");
        s.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_planner_has_no_users_item_and_is_told_the_screen_is_not_theirs()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await using var s = await AppSession.SignIn(app, planner);
        var page = s.Page;

        await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Dossiers" })).ToBeVisibleAsync();
        await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await page.GotoAsync("/app/users");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You may not do this. Ask an administrator.");
        await Expect(page.Locator("#users")).ToHaveCountAsync(0);
        s.Problems.ShouldBeEmpty();
    }
}
