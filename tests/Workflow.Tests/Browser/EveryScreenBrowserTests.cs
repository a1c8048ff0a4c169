using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Tests.Browser;

/// <summary>
/// Every screen, visited by every role in French and in English, as the application is shipped (its workflows
/// running): no page or console error, no failed request, no request to another host, no serious or critical
/// accessibility violation, no string missing in the language, and none of the other language's words left.
/// </summary>
public sealed class EveryScreenBrowserTests(ShippedWorkflowsBrowserFixture app) : IClassFixture<ShippedWorkflowsBrowserFixture>
{
    // Words of each language's screens (buttons, headings, menus) that must not show in the other one.
    private static readonly string[] English = ["Save", "Cancel", "Loading", "Sign out", "My tasks", "My agenda", "My invitations", "Search", "Close", "Delete", "Overdue", "Urgent task", "Appointments", "Previous", "Next", "Today", "Week", "Month"];
    private static readonly string[] French = ["Enregistrer", "Annuler", "Chargement", "Se déconnecter", "Mes tâches", "Mon agenda", "Mes invitations", "Rechercher", "Fermer", "Supprimer", "En retard", "Rendez-vous", "Précédent", "Suivant", "Aujourd’hui", "Semaine", "Mois"];

    private sealed record World(Dictionary<string, TestUser> Users, Guid Dossier, Guid Task, Guid Appointment, Guid Instance);

    private static World? _world;
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task<World> Set()
    {
        await Once.WaitAsync();
        try
        {
            if (_world is not null)
                return _world;
            var planner = await app.CreateUser(Roles.Planner);
            var expert = await app.CreateUser(["water-damage"], Roles.Expert);
            var designer = await app.CreateUser(Roles.Designer);
            var admin = await app.CreateUser(Roles.Admin);
            // An expertise dossier: the shipped workflow starts on it and creates its planning task.
            var dossier = await app.Send(new CreateDossier.Command("Zeta 42", "expertise", planner.Id,
                Address: new Address("Rue des Fleurs 12, 5030 Gembloux", 50.566, 4.692)), planner);
            var task = await app.Query(db => db.Tasks.AsNoTracking().Where(t => t.DossierId == dossier.Id).Select(t => t.Id).SingleAsync());
            var instance = await app.Query(db => db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId == dossier.Id).Select(i => i.Id).SingleAsync());
            await app.Send(new AddAvailabilityRange.Command(expert.Id, Scenario.At(8), Scenario.At(11, 30), null), planner);
            var appointment = await app.Send(new CreateAppointment.Command(dossier.Id, "Zeta 42 visit", expert.Id, Scenario.At(9), Scenario.At(10),
                UserIds: [planner.Id]), planner);
            _world = new World(new() { ["planner"] = planner, ["expert"] = expert, ["designer"] = designer, ["admin"] = admin },
                dossier.Id, task, appointment.Id, instance);
            return _world;
        }
        finally
        {
            Once.Release();
        }
    }

    private static IEnumerable<string> Screens(string role, World w)
    {
        string[] work = ["/app/tasks", $"/app/tasks/{w.Task}", "/app/dossiers", $"/app/dossiers/{w.Dossier}", $"/app/dossiers/{w.Dossier}/appointments/new",
            $"/app/appointments/{w.Appointment}", "/app/invitations", "/app/agenda"];
        string[] design = ["/app/designer", "/app/instances", $"/app/instances/{w.Instance}", "/app/forms", "/app/forms?import=1", "/app/forms/plan-appointment",
            "/app/forms/first-meeting?import=1", "/app/forms/expertise-report"];
        return role switch
        {
            "planner" or "expert" => work,
            "designer" => [.. design, "/app/invitations"],
            _ => [.. work, .. design, "/app/users"],
        };
    }

    [Theory]
    [InlineData("planner", "fr-BE")]
    [InlineData("planner", "en-GB")]
    [InlineData("expert", "fr-BE")]
    [InlineData("expert", "en-GB")]
    [InlineData("designer", "fr-BE")]
    [InlineData("designer", "en-GB")]
    [InlineData("admin", "fr-BE")]
    [InlineData("admin", "en-GB")]
    public async Task Every_screen_of_the_role_works_in_the_language(string role, string locale)
    {
        var world = await Set();
        await using var s = await AppSession.SignIn(app, world.Users[role], locale);
        var french = locale.StartsWith("fr", StringComparison.Ordinal);
        var failures = new List<string>();
        foreach (var screen in Screens(role, world))
        {
            await s.Page.GotoAsync(screen);
            await Expect(s.Page.Locator("main h1").First).ToBeVisibleAsync();
            await Expect(s.Page.Locator("main .spinner-border")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            // What users wrote (task names, a workflow's labels) is marked translate="no" and stays in their language.
            var text = await s.Page.EvaluateAsync<string>("""
                () => {
                  const hide = document.createElement('style');
                  hide.textContent = '[translate="no"] { display: none !important; }';
                  document.head.append(hide);
                  const text = document.body.innerText;
                  hide.remove();
                  return text;
                }
                """);
            foreach (var word in french ? English : French)
                if (System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\p{{L}}-]){System.Text.RegularExpressions.Regex.Escape(word)}(?![\p{{L}}-])"))
                    failures.Add($"{screen}: '{word}' left in the {(french ? "French" : "English")} screen");
            foreach (var violation in await s.AccessibilityViolations())
                failures.Add($"{screen}: {violation}");
            failures.AddRange(s.Problems.Select(p => $"{screen}: {p}"));
            s.Problems.Clear();
            await s.Screenshot($"screen-{role}-{locale}-{screen.Replace("/app/", "").Split('/')[0]}");
        }
        failures.ShouldBeEmpty();
    }
}
