using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Dossiers;

public sealed class DossierTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_new_dossier_gets_a_readable_reference_its_referent_as_participant_and_an_event()
    {
        var planner = await app.CreateUser(Roles.Planner);
        var client = await app.Client(planner);

        var dossier = await (await client.Post("/dossiers", new { title = "Incendie de cuisine", kind = "expertise", referentId = planner.Id, urgent = true }))
            .Read<DossierDto>(HttpStatusCode.Created);

        dossier.Reference.ShouldMatch(@"^EXP-2026-\d{5}$");
        dossier.Status.ShouldBe(DossierStatus.Open);
        dossier.Participants.ShouldContain(p => p.Kind == ParticipantKind.InternalUser && p.UserId == planner.Id && p.Role == "referent");
        app.Events.Of<DossierCreated>().ShouldContain(e => e.DossierId == dossier.Id && e.Kind == "expertise");
    }

    [Fact]
    public async Task Domain_events_are_published_only_after_the_transaction_commits()
    {
        var planner = await app.CreateUser(Roles.Planner);

        var dossier = await app.Send(new CreateDossier.Command("Committed first", "expertise", planner.Id), planner);

        CommitProbe.Seen.ShouldContainKeyAndValue(dossier.Id, true);
    }

    [Fact]
    public async Task A_refused_command_publishes_nothing()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new CreateDossier.Command("One", "expertise", planner.Id, Reference: "ONCE-1"), planner);

        await Should.ThrowAsync<DomainException>(() => app.Send(new CreateDossier.Command("Two", "expertise", planner.Id, Reference: "ONCE-1"), planner));

        app.Events.Of<DossierCreated>().Count(e => e.Reference == "ONCE-1").ShouldBe(1);
    }

    [Fact]
    public async Task A_reference_is_unique()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new CreateDossier.Command("One", "expertise", planner.Id, Reference: "SIN-2026-1"), planner);
        var client = await app.Client(planner);

        var problem = await (await client.Post("/dossiers", new { title = "Two", kind = "expertise", referentId = planner.Id, reference = "SIN-2026-1" }))
            .Problem(HttpStatusCode.Conflict);

        problem.Reason().ShouldBe("duplicate");
    }

    [Fact]
    public async Task Participants_of_every_kind_are_added_and_published()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var person = await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "person", role = "insured", name = "Gisèle LAFRAISE", email = "gisele@example.org", phone = "+32 81 00 00 00" }))
            .Read<ParticipantDto>(HttpStatusCode.Created);
        await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "professional-third-party", role = "broker", name = "Cabinet Dupont" })).Read<ParticipantDto>(HttpStatusCode.Created);
        var expert = await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "internal-user", role = "expert", userId = s.Expert.Id })).Read<ParticipantDto>(HttpStatusCode.Created);
        var duplicate = await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "internal-user", role = "expert", userId = s.Expert.Id })).Problem(HttpStatusCode.Conflict);

        expert.Name.ShouldStartWith("Test expert");
        duplicate.Reason().ShouldBe("duplicate");
        var reread = await (await client.GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>();
        reread.Participants.Select(p => p.Kind).ShouldBe([ParticipantKind.InternalUser, ParticipantKind.Person, ParticipantKind.ProfessionalThirdParty, ParticipantKind.InternalUser], ignoreOrder: true);
        app.Events.Of<ParticipantAdded>().ShouldContain(e => e.ParticipantId == person.Id && e.Role == "insured");
    }

    [Fact]
    public async Task Dossiers_are_searched_by_reference_or_title()
    {
        var planner = await app.CreateUser(Roles.Planner);
        await app.Send(new CreateDossier.Command("Tempête à Namur", "expertise", planner.Id, Reference: "STORM-1"), planner);

        var found = await app.Send(new ListDossiers.Query(Search: "tempête"), planner);

        found.ShouldContain(d => d.Reference == "STORM-1");
        (await app.Send(new ListDossiers.Query(Search: "storm-1"), planner)).Count.ShouldBe(1);
    }
}
