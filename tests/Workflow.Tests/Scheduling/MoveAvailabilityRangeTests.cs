using System.Net;
using System.Net.Http.Json;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Scheduling;

public sealed class MoveAvailabilityRangeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_expert_moves_and_resizes_her_range_and_changes_its_location()
    {
        var s = await Scenario.Create(app);
        var office = await app.Send(new CreateLocation.Command("Namur", new Address("Namur", 50.46, 4.87), LocationKind.Office), s.Planner);
        var client = await app.Client(s.Expert);

        var moved = await (await client.PutAsJsonAsync($"/users/{s.Expert.Id}/availability/{s.Range.Id}",
            new { start = Scenario.At(13), end = Scenario.At(17, 30), locationId = office.Id }, AppFixture.Json)).Read<AvailabilityRangeDto>();

        moved.Start.ShouldBe(Scenario.At(13));
        moved.End.ShouldBe(Scenario.At(17, 30));
        moved.LocationName.ShouldBe("Namur");
        var ranges = await app.Send(new ListAvailabilityRanges.Query(s.Expert.Id, Scenario.At(0), Scenario.At(23)), s.Expert);
        ranges.ShouldHaveSingleItem().Start.ShouldBe(Scenario.At(13));
    }

    [Fact]
    public async Task Moving_a_range_onto_another_of_the_users_ranges_is_refused_but_onto_itself_is_not()
    {
        var s = await Scenario.Create(app);
        await app.Send(new AddAvailabilityRange.Command(s.Expert.Id, Scenario.At(13), Scenario.At(15), null), s.Expert);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(10), Scenario.At(14), null), s.Expert));
        refused.Reason.ShouldBe("overlap");

        var grown = await app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(7), Scenario.At(13), null), s.Expert);
        grown.End.ShouldBe(Scenario.At(13));
    }

    [Fact]
    public async Task A_range_cannot_be_moved_so_that_a_planned_appointment_inside_falls_outside()
    {
        var s = await Scenario.Create(app);
        await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Visit", s.Expert.Id, Scenario.At(9), Scenario.At(10)), s.Planner);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(9, 30), Scenario.At(12), null), s.Expert));
        refused.Reason.ShouldBe("appointments-outside");

        var client = await app.Client(s.Expert);
        var problem = await (await client.PutAsJsonAsync($"/users/{s.Expert.Id}/availability/{s.Range.Id}",
            new { start = Scenario.At(14), end = Scenario.At(16) }, AppFixture.Json)).Problem(HttpStatusCode.Conflict);
        problem.Reason().ShouldBe("appointments-outside");

        var stillAround = await app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(8, 30), Scenario.At(10), null), s.Expert);
        stillAround.Start.ShouldBe(Scenario.At(8, 30));
    }

    [Fact]
    public async Task Only_the_user_a_planner_or_an_admin_move_a_range_and_it_must_still_end_after_it_starts()
    {
        var s = await Scenario.Create(app);
        var colleague = await app.CreateUser(Roles.Expert);

        await Should.ThrowAsync<ForbiddenException>(() =>
            app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(9), Scenario.At(10), null), colleague));
        await Should.ThrowAsync<FluentValidation.ValidationException>(() =>
            app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(10), Scenario.At(9), null), s.Expert));
        await Should.ThrowAsync<NotFoundException>(() =>
            app.Send(new MoveAvailabilityRange.Command(colleague.Id, s.Range.Id, Scenario.At(9), Scenario.At(10), null), colleague));

        var byPlanner = await app.Send(new MoveAvailabilityRange.Command(s.Expert.Id, s.Range.Id, Scenario.At(8), Scenario.At(12), null), s.Planner);
        byPlanner.End.ShouldBe(Scenario.At(12));
    }
}
