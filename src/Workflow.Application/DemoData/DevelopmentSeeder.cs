using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;
using Workflow.Application.Users;

namespace Workflow.Application.DemoData;

/// <summary>
/// Demo accounts and a small data set drawn from the product manuals, for the Development
/// profile only: experts in Belgium and France with skills and availability over the coming
/// weeks, offices such as Gembloux, and dossiers with Gisèle LAFRAISE and a broker.
/// </summary>
public sealed class DevelopmentSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IMediator mediator, CurrentUser current)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public async Task<IReadOnlyList<string>> Seed(string password, CancellationToken cancellationToken)
    {
        string[] accounts = ["admin@demo.local", "designer@demo.local", "planner@demo.local", "expert@demo.local"];
        if (await db.Users.AnyAsync(u => u.Email == accounts[0], cancellationToken))
            return accounts;

        var skills = new[]
        {
            new Skill("water-damage", "Dégâts des eaux"), new Skill("fire", "Incendie"), new Skill("vehicle", "Automobile"),
            new Skill("construction", "Construction"), new Skill("social-support", "Accompagnement social"),
        };
        db.Skills.AddRange(skills);
        var gembloux = new Location("Gembloux", new Address("Avenue de la Faculté 5, 5030 Gembloux, Belgique", 50.5613, 4.6986), LocationKind.Office);
        var namur = new Location("Namur", new Address("Place d'Armes 1, 5000 Namur, Belgique", 50.4633, 4.8662), LocationKind.Office);
        var liege = new Location("Liège", new Address("Place Saint-Lambert 18, 4000 Liège, Belgique", 50.6455, 5.5732), LocationKind.Office);
        var lille = new Location("Lille", new Address("Place du Général de Gaulle 1, 59000 Lille, France", 50.6366, 3.0635), LocationKind.Office);
        db.Locations.AddRange(gembloux, namur, liege, lille);
        await db.SaveChangesAsync(cancellationToken);

        var admin = await Create("admin@demo.local", "Alice Admin", password, [Roles.Admin], [], null);
        await Create("designer@demo.local", "Denis Designer", password, [Roles.Designer], [], null);
        var planner = await Create("planner@demo.local", "Paula Planner", password, [Roles.Planner], [], gembloux.Address);
        var expert = await Create("expert@demo.local", "Anne Dubois", password, [Roles.Expert], ["water-damage", "fire"], gembloux.Address);
        var marc = await Create("marc.lefevre@demo.local", "Marc Lefèvre", password, [Roles.Expert], ["water-damage", "construction"], namur.Address);
        var luc = await Create("luc.peeters@demo.local", "Luc Peeters", password, [Roles.Expert], ["fire", "vehicle"], liege.Address);
        var claire = await Create("claire.martin@demo.local", "Claire Martin", password, [Roles.Expert], ["vehicle", "water-damage"], lille.Address);
        var social = await Create("sophie.renard@demo.local", "Sophie Renard", password, [Roles.Planner, Roles.Expert], ["social-support"], namur.Address);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Brussels).Date);
        foreach (var (user, location) in new[] { (expert, gembloux), (marc, namur), (luc, liege), (claire, lille), (social, namur) })
        {
            for (var day = today; day < today.AddDays(28); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    continue;
                db.AvailabilityRanges.Add(new AvailabilityRange(user.Id, At(day, 9, 0), At(day, 12, 30), location.Id));
                db.AvailabilityRanges.Add(new AvailabilityRange(user.Id, At(day, 13, 30), At(day, 17, 0), location.Id));
            }
        }

        var now = clock.GetUtcNow();
        var year = now.Year;
        var water = Dossier.Open($"EXP-{year}-{await db.NextDossierNumber(cancellationToken):D5}", "Dégâts des eaux — Rue des Fleurs 12, Gembloux", "expertise",
            planner.Id, ["water-damage"], new Address("Rue des Fleurs 12, 5030 Gembloux, Belgique", 50.5660, 4.6920), urgent: true, confidential: false, admin.Id, now);
        water.AddParticipant(ParticipantKind.InternalUser, "referent", planner.Id, planner.FullName, planner.Email, null, null, now);
        water.AddParticipant(ParticipantKind.Person, "insured", null, "Gisèle LAFRAISE", "gisele.lafraise@example.org", "+32 81 00 00 00",
            new Address("Rue des Fleurs 12, 5030 Gembloux, Belgique", 50.5660, 4.6920), now);
        water.AddParticipant(ParticipantKind.ProfessionalThirdParty, "broker", null, "Cabinet Dupont & Associés", "contact@dupont-assurances.example", "+32 81 11 22 33", null, now);
        water.AddParticipant(ParticipantKind.PrivateThirdParty, "neighbour", null, "Jean Voisin", null, "+32 470 00 00 00", null, now);

        var fire = Dossier.Open($"EXP-{year}-{await db.NextDossierNumber(cancellationToken):D5}", "Incendie de cuisine — Lille", "expertise",
            planner.Id, ["fire"], new Address("Rue Nationale 40, 59000 Lille, France", 50.6365, 3.0570), urgent: false, confidential: false, admin.Id, now);
        fire.AddParticipant(ParticipantKind.InternalUser, "referent", planner.Id, planner.FullName, planner.Email, null, null, now);
        fire.AddParticipant(ParticipantKind.Person, "insured", null, "Hugo Lenoir", "hugo.lenoir@example.org", null, null, now);

        var followUp = Dossier.Open($"FOL-{year}-{await db.NextDossierNumber(cancellationToken):D5}", "Accompagnement — famille LAFRAISE", "follow-up",
            social.Id, ["social-support"], new Address("Rue des Fleurs 12, 5030 Gembloux, Belgique", 50.5660, 4.6920), urgent: false, confidential: true, admin.Id, now);
        followUp.AddParticipant(ParticipantKind.InternalUser, "referent", social.Id, social.FullName, social.Email, null, null, now);
        followUp.AddParticipant(ParticipantKind.Person, "beneficiary", null, "Gisèle LAFRAISE", "gisele.lafraise@example.org", "+32 81 00 00 00", null, now);

        // Through the pipeline, as if opened by the admin: the shipped workflows start on them and the planning tasks appear.
        current.Set(admin.Id, [Roles.Admin]);
        await mediator.Send(new OpenDemoDossiers.Command([water, fire, followUp]), cancellationToken);
        return [.. accounts, marc.Email!, luc.Email!, claire.Email!, social.Email!];
    }

    /// <summary>The demo dossiers, saved by one command so that their DossierCreated events start workflows like any other.</summary>
    internal static class OpenDemoDossiers
    {
        public sealed record Command(IReadOnlyList<Dossier> Dossiers) : ICommand<int>;

        internal sealed class Handler(AppDbContext db) : IRequestHandler<Command, int>
        {
            public Task<int> Handle(Command command, CancellationToken cancellationToken)
            {
                db.Dossiers.AddRange(command.Dossiers);
                return Task.FromResult(command.Dossiers.Count);
            }
        }
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<AppUser> Create(string email, string name, string password, string[] roles, string[] skills, Address? address)
    {
        var user = new AppUser(email, name, "Europe/Brussels");
        user.SetSkills(skills);
        user.SetBase(address);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }
}
