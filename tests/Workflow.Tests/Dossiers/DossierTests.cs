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

    [Fact]
    public async Task A_closed_dossier_takes_no_new_task_appointment_or_participant()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);

        var closed = await (await client.PostAsync($"/dossiers/{s.Dossier.Id}/close", null)).Read<DossierDto>();

        closed.Status.ShouldBe(DossierStatus.Closed);
        (await (await client.Post("/tasks", new { dossierId = s.Dossier.Id, title = "Late", candidateRole = "planner" })).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("dossier-closed");
        (await (await client.Post("/appointments", new { dossierId = s.Dossier.Id, title = "Late" })).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("dossier-closed");
        (await (await client.Post($"/dossiers/{s.Dossier.Id}/participants", new { kind = "person", role = "x", name = "Late" })).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("dossier-closed");
        (await (await client.PostAsync($"/dossiers/{s.Dossier.Id}/close", null)).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("dossier-closed");
    }

    [Fact]
    public async Task Changing_the_referent_moves_the_referent_participant_and_confidentiality_follows()
    {
        var s = await Scenario.Create(app);
        var newReferent = await app.CreateUser(Roles.Planner);
        var client = await app.Client(s.Planner);

        var updated = await (await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/dossiers/{s.Dossier.Id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { referentId = newReferent.Id, confidential = true, urgent = true }),
        })).Read<DossierDto>();

        updated.ReferentId.ShouldBe(newReferent.Id);
        updated.Participants.Where(p => p.Role == "referent").Select(p => p.UserId).ShouldBe([newReferent.Id]);
        // The former referent no longer takes part, and the dossier is now confidential.
        await (await client.GetAsync($"/dossiers/{s.Dossier.Id}")).Problem(HttpStatusCode.NotFound);
        (await (await (await app.Client(newReferent)).GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>()).Urgent.ShouldBeTrue();
    }

    [Fact]
    public async Task An_address_left_out_stays_and_one_removed_goes()
    {
        var s = await Scenario.Create(app);
        var client = await app.Client(s.Planner);
        HttpRequestMessage Patch(object body) => new(HttpMethod.Patch, $"/dossiers/{s.Dossier.Id}") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        var before = (await (await client.GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>()).Address.ShouldNotBeNull();

        (await (await client.SendAsync(Patch(new { title = "Renamed" }))).Read<DossierDto>()).Address.ShouldBe(before);
        var both = await (await client.SendAsync(Patch(new { address = new { text = "Rue Neuve 1, Namur" }, removeAddress = true }))).Problem(HttpStatusCode.BadRequest);
        both.GetProperty("errors").GetProperty("removeAddress")[0].GetString().ShouldBe("Give an address or remove it, not both.");
        (await (await client.GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>()).Address.ShouldBe(before);

        (await (await client.SendAsync(Patch(new { removeAddress = true }))).Read<DossierDto>()).Address.ShouldBeNull();
        (await (await client.GetAsync($"/dossiers/{s.Dossier.Id}")).Read<DossierDto>()).Address.ShouldBeNull();
    }
}
