using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Dossiers;

/// <summary>GET /dossiers/{id}/documents: the documents of all the dossier's appointments, under the dossier's confidentiality.</summary>
public sealed class DossierDocumentsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_dossier_lists_the_documents_of_its_appointments_newest_first()
    {
        var s = await Scenario.Create(app);
        var visit = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var call = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Appel"), s.Planner);
        await app.Send(new AttachDocument.Command(visit.Id, "rapport.pdf", "%PDF-1.4"u8.ToArray()), s.Planner);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            await app.Send(new AttachDocument.Command(call.Id, "notes.txt", "appel"u8.ToArray()), s.Planner);
        }
        finally
        {
            app.Clock.Set(Scenario.At(7));
        }
        var other = await app.Send(new CreateDossier.Command("Autre", "expertise", s.Planner.Id), s.Planner);
        var elsewhere = await app.Send(new CreateAppointment.Command(other.Id, "Ailleurs"), s.Planner);
        await app.Send(new AttachDocument.Command(elsewhere.Id, "ailleurs.txt", "x"u8.ToArray()), s.Planner);

        var client = await app.Client(s.Expert);
        var documents = await (await client.GetAsync($"/dossiers/{s.Dossier.Id}/documents")).Read<List<DossierDocuments.Item>>();

        documents.Select(d => (d.FileName, d.AppointmentTitle)).ShouldBe([("notes.txt", "Appel"), ("rapport.pdf", "Visite")]);
        documents[1].AppointmentId.ShouldBe(visit.Id);
    }

    [Fact]
    public async Task The_documents_of_a_confidential_dossier_are_not_found_by_an_outsider()
    {
        var s = await Scenario.Create(app, confidential: true);
        var visit = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Planner.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await app.Send(new AttachDocument.Command(visit.Id, "secret.txt", "x"u8.ToArray()), s.Planner);
        var outsider = await app.CreateUser(Roles.Planner);

        await (await (await app.Client(outsider)).GetAsync($"/dossiers/{s.Dossier.Id}/documents")).Problem(HttpStatusCode.NotFound);
        (await (await (await app.Client(s.Planner)).GetAsync($"/dossiers/{s.Dossier.Id}/documents")).Read<List<DossierDocuments.Item>>()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_dossier_names_its_referent_and_the_expert_assigned_to_it()
    {
        var s = await Scenario.Create(app);

        var assigned = await app.Send(new AssignExpert.Command(s.Dossier.Id, s.Expert.Id), s.Planner);
        var dossier = await app.Send(new GetDossier.Query(s.Dossier.Id), s.Planner);

        assigned.Dossier.ExpertId.ShouldBe(s.Expert.Id);
        dossier.ExpertId.ShouldBe(s.Expert.Id);
        dossier.ExpertName.ShouldNotBeNullOrEmpty();
        dossier.ReferentName.ShouldNotBeNullOrEmpty();
        s.Dossier.ExpertId.ShouldBeNull();
    }
}
