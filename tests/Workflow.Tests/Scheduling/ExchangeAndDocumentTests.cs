using System.Net;
using System.Net.Http.Headers;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Exchanges;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Scheduling;

public sealed class ExchangeAndDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static MultipartFormDataContent File(string name, byte[] content, string type = "application/octet-stream")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }

    [Fact]
    public async Task A_done_appointment_becomes_one_exchange_on_the_dossier()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10), UserIds: [colleague.Id]), s.Planner);
        var client = await app.Client(s.Planner);

        (await (await client.Post($"/appointments/{booked.Id}/exchange", new { notes = "too early" })).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("not-done");
        app.Clock.Set(Scenario.At(10, 30));
        try
        {
            await app.Send(new MarkAppointmentDone.Command(booked.Id), s.Expert);
            client = await app.Client(s.Planner);
            var exchange = await (await client.Post($"/appointments/{booked.Id}/exchange", new { notes = "Fuite sous l'évier constatée; devis demandé." })).Read<ExchangeDto>(HttpStatusCode.Created);

            exchange.OccurredAt.ShouldBe(Scenario.At(9));
            exchange.Participants.Count.ShouldBe(2);
            (await (await client.GetAsync($"/dossiers/{s.Dossier.Id}/exchanges")).Read<List<ExchangeDto>>()).Single().Notes.ShouldStartWith("Fuite");
            (await (await client.Post($"/appointments/{booked.Id}/exchange", new { notes = "again" })).Problem(HttpStatusCode.Conflict)).Reason().ShouldBe("duplicate");
            app.Events.Of<ExchangeRecorded>().ShouldContain(e => e.AppointmentId == booked.Id);
        }
        finally
        {
            app.Clock.Set(Scenario.At(7));
        }
    }

    [Fact]
    public async Task Documents_are_attached_listed_downloaded_and_removed_with_type_and_size_limits()
    {
        var s = await Scenario.Create(app);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        var client = await app.Client(s.Expert);
        var pdf = "%PDF-1.4 rapport"u8.ToArray();

        var document = await (await client.PostAsync($"/appointments/{booked.Id}/documents", File("rapport été.pdf", pdf))).Read<DocumentDto>(HttpStatusCode.Created);
        document.ContentType.ShouldBe("application/pdf");
        document.Size.ShouldBe(pdf.Length);
        app.Events.Of<DocumentAttached>().ShouldContain(e => e.DocumentId == document.Id && e.AppointmentId == booked.Id);

        (await (await client.GetAsync($"/appointments/{booked.Id}/documents")).Read<List<DocumentDto>>()).Single().FileName.ShouldBe("rapport été.pdf");
        var download = await client.GetAsync($"/appointments/{booked.Id}/documents/{document.Id}");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        (await (await client.PostAsync($"/appointments/{booked.Id}/documents", File("virus.exe", [1, 2, 3]))).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("fileName", out _).ShouldBeTrue();
        (await (await client.PostAsync($"/appointments/{booked.Id}/documents", File("huge.pdf", new byte[AppointmentDocument.MaxBytes + 1]))).Problem(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();

        (await client.DeleteAsync($"/appointments/{booked.Id}/documents/{document.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/appointments/{booked.Id}/documents/{document.Id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Documents_of_a_confidential_dossier_stay_hidden()
    {
        var s = await Scenario.Create(app, confidential: true);
        var booked = await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visite", s.Planner.Id, Scenario.At(9), Scenario.At(10)), s.Planner);
        await app.Send(new AttachDocument.Command(booked.Id, "notes.txt", "confidentiel"u8.ToArray()), s.Planner);
        var outsider = await app.Client(await app.CreateUser(Roles.Planner));

        await (await outsider.GetAsync($"/appointments/{booked.Id}/documents")).Problem(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"/appointments/{booked.Id}/documents", File("x.txt", [65]))).Problem(HttpStatusCode.NotFound);
    }
}
