using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Skills;
using Workflow.Application.Tasks;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Forms;

/// <summary>The plan-appointment form's planning step, checked at submission with the scheduling rules.</summary>
public sealed class PlanningStepTests(AppFixture app) : IClassFixture<AppFixture>
{
    internal static JsonObject Data(Scenario s, DateTimeOffset start, int minutes = 60, Action<JsonObject>? change = null)
    {
        var planning = new JsonObject
        {
            ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-27T18:00:00Z", ["durationMinutes"] = 60,
            ["expertId"] = s.Expert.Id.ToString(), ["start"] = start.ToString("O"), ["end"] = start.AddMinutes(minutes).ToString("O"),
            ["participantIds"] = new JsonArray(), ["userIds"] = new JsonArray(),
        };
        change?.Invoke(planning);
        return new JsonObject
        {
            ["dossierId"] = s.Dossier.Id.ToString(), ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-27T18:00:00Z",
            ["durationMinutes"] = 60, ["planning"] = planning, ["confirmed"] = true,
        };
    }

    private async Task<TaskDto> PlanningTask(Scenario s) =>
        await app.Send(new CreateTask.Command(s.Dossier.Id, "Plan the expertise appointment", AssigneeId: s.Planner.Id, FormKey: "plan-appointment"), s.Planner);

    private async Task<List<(string Path, string Rule)>> Refusal(Scenario s, TaskDto task, JsonObject data)
    {
        var client = await app.Client(s.Planner);
        var problem = await (await client.Post($"/tasks/{task.Id}/form/submit", new { data })).Problem(HttpStatusCode.UnprocessableEntity);
        problem.Reason().ShouldBe("invalid-submission");
        (await app.Send(new GetTask.Query(task.Id), s.Planner)).Status.ShouldBe(WorkTaskStatus.Open);
        return problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("rule").GetString()!)).ToList();
    }

    [Fact]
    public async Task A_valid_planning_step_on_a_task_made_by_hand_books_the_slot_and_assigns_the_expert()
    {
        var s = await Scenario.Create(app);
        var task = await PlanningTask(s);
        var client = await app.Client(s.Planner);

        var done = await (await client.Post($"/tasks/{task.Id}/form/submit", new { data = Data(s, Scenario.At(9)) })).Read<TaskDto>();

        done.Status.ShouldBe(WorkTaskStatus.Completed);
        var appointmentId = Guid.Parse(done.Data!["planning"]!["appointmentId"]!.GetValue<string>());
        var appointment = await app.Send(new GetAppointment.Query(appointmentId), s.Planner);
        appointment.Status.ShouldBe(AppointmentStatus.Planned);
        (appointment.MainUserId, appointment.Start, appointment.End).ShouldBe((s.Expert.Id, Scenario.At(9), Scenario.At(10)));
        var dossier = await app.Send(new GetDossier.Query(s.Dossier.Id), s.Planner);
        dossier.Participants.ShouldContain(p => p.Role == "expert" && p.UserId == s.Expert.Id);
    }

    [Fact]
    public async Task A_slot_outside_the_experts_availability_is_refused_on_the_planning_step()
    {
        var s = await Scenario.Create(app);

        var errors = await Refusal(s, await PlanningTask(s), Data(s, Scenario.At(12)));

        errors.ShouldBe([("planning.start", "outside-availability")]);
    }

    [Fact]
    public async Task A_slot_taken_since_the_form_was_opened_is_refused()
    {
        var s = await Scenario.Create(app);
        var task = await PlanningTask(s);
        await app.Send(new CreateAppointment.Command(s.Dossier.Id, "Earlier booking", s.Expert.Id, Scenario.At(9, 30), Scenario.At(10, 30)), s.Planner);

        var errors = await Refusal(s, task, Data(s, Scenario.At(9)));

        errors.ShouldBe([("planning.start", "overlap")]);
    }

    [Fact]
    public async Task A_slot_of_the_wrong_length_or_outside_the_period_is_refused()
    {
        var s = await Scenario.Create(app);
        var task = await PlanningTask(s);

        (await Refusal(s, task, Data(s, Scenario.At(9), minutes: 45))).ShouldBe([("planning.end", "duration")]);
        (await Refusal(s, task, Data(s, Scenario.At(9), change: p => p["periodFrom"] = "2026-11-23T09:30:00Z"))).ShouldBe([("planning.start", "period")]);
        (await Refusal(s, task, Data(s, Scenario.At(9), change: p => p["start"] = "tomorrow"))).ShouldBe([("planning.start", "date")]);
    }

    [Fact]
    public async Task An_expert_without_the_dossiers_skills_is_refused()
    {
        var s = await Scenario.Create(app);
        var admin = await app.CreateUser(Roles.Admin);
        var skill = $"roofing-{Guid.NewGuid():N}"[..16];
        await app.Send(new CreateSkill.Command(skill, "Roofing"), admin);
        await app.Send(new UpdateDossier.Command(s.Dossier.Id, RequiredSkills: [skill]), s.Planner);

        var errors = await Refusal(s, await PlanningTask(s), Data(s, Scenario.At(9)));

        errors.ShouldBe([("planning.expertId", "skills")]);
    }

    [Fact]
    public async Task Participants_must_belong_to_the_dossier_and_users_must_exist()
    {
        var s = await Scenario.Create(app);
        var other = await app.Send(new CreateDossier.Command("Other", "expertise", s.Planner.Id), s.Planner);
        var stranger = await app.Send(new AddParticipant.Command(other.Id, ParticipantKind.Person, "insured", Name: "Someone Else"), s.Planner);

        var errors = await Refusal(s, await PlanningTask(s), Data(s, Scenario.At(9), change: p =>
        {
            p["participantIds"] = new JsonArray(stranger.Id.ToString());
            p["userIds"] = new JsonArray(Guid.NewGuid().ToString(), "nope");
        }));

        errors.ShouldBe([("planning.userIds[1]", "id")]);
        errors = await Refusal(s, await PlanningTask(s), Data(s, Scenario.At(9), change: p =>
        {
            p["participantIds"] = new JsonArray(stranger.Id.ToString());
            p["userIds"] = new JsonArray(Guid.NewGuid().ToString());
        }));
        errors.ShouldBe([("planning.participantIds[0]", "participant"), ("planning.userIds[0]", "user")], ignoreOrder: true);
    }

    [Fact]
    public async Task The_wizard_pages_are_validated_too()
    {
        var s = await Scenario.Create(app);
        var data = Data(s, Scenario.At(9));
        data.Remove("confirmed");
        data.Remove("planning");

        var errors = await Refusal(s, await PlanningTask(s), data);

        errors.ShouldBe([("planning", "required"), ("confirmed", "required")], ignoreOrder: true);
    }

    [Fact]
    public async Task The_first_meeting_books_in_the_referents_own_agenda_and_refuses_another_main_user()
    {
        var s = await Scenario.Create(app);
        var task = await app.Send(new CreateTask.Command(s.Dossier.Id, "First meeting", AssigneeId: s.Planner.Id, FormKey: "first-meeting"), s.Planner);
        JsonObject Meeting(Action<JsonObject>? change = null)
        {
            var planning = new JsonObject
            {
                ["periodFrom"] = "2026-11-24T08:00:00Z", ["periodTo"] = "2026-11-28T18:00:00Z", ["durationMinutes"] = 45,
                ["start"] = "2026-11-24T14:00:00Z", ["end"] = "2026-11-24T14:45:00Z",
            };
            change?.Invoke(planning);
            return new JsonObject
            {
                ["dossierId"] = s.Dossier.Id.ToString(), ["periodFrom"] = "2026-11-24T08:00:00Z", ["periodTo"] = "2026-11-28T18:00:00Z",
                ["durationMinutes"] = 45, ["agenda"] = "Getting to know each other and the support plan.", ["planning"] = planning,
            };
        }

        (await Refusal(s, task, Meeting(p => p["mainUserId"] = s.Expert.Id.ToString()))).ShouldBe([("planning.mainUserId", "referent")]);
        var done = await app.Send(new Workflow.Application.FormDefinitions.SubmitTaskForm.Command(task.Id, Meeting()), s.Planner);

        var booked = await app.Query(db => db.Appointments.SingleAsync(a => a.TaskId == task.Id));
        (booked.MainUserId, booked.Start, booked.Status).ShouldBe((s.Planner.Id, new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), AppointmentStatus.Planned));
        done.Data!["planning"]!["appointmentId"]!.GetValue<string>().ShouldBe(booked.Id.ToString());
        (await app.Send(new GetDossier.Query(s.Dossier.Id), s.Planner)).Participants.ShouldNotContain(p => p.Role == "expert");
    }
}
