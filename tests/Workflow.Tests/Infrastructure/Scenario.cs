using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;

namespace Workflow.Tests.Infrastructure;

/// <summary>A planner, an expert available on Monday 23 November 2026 from 08:00 to 11:30 UTC, and an open dossier.</summary>
public sealed record Scenario(TestUser Planner, TestUser Expert, DossierDto Dossier, AvailabilityRangeDto Range)
{
    public static readonly DateTimeOffset Morning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.Zero);

    public static async Task<Scenario> Create(AppFixture app, bool confidential = false)
    {
        var planner = await app.CreateUser(Roles.Planner);
        var expert = await app.CreateUser(Roles.Expert);
        var dossier = await app.Send(new CreateDossier.Command("Dégâts des eaux", "expertise", planner.Id, Confidential: confidential,
            Address: new Address("Rue des Fleurs 12, 5030 Gembloux", 50.566, 4.692)), planner);
        var range = await app.Send(new AddAvailabilityRange.Command(expert.Id, At(8), At(11, 30), null), planner);
        return new Scenario(planner, expert, dossier, range);
    }
}
