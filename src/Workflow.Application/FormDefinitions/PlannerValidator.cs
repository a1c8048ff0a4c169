using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;
using Workflow.Forms.Extensions;
using Workflow.Forms.Schema;
using Workflow.Forms.Validation;

namespace Workflow.Application.FormDefinitions;

/// <summary>A planner value read from a visible appointmentPlanner component, with the component's settings.</summary>
public sealed record FoundPlanner(string Path, PlannerValue Value, bool ExpertMode, FormComponent Component);

/// <summary>
/// The application's check of appointmentPlanner components, in two halves: while the form is
/// walked (synchronously) it reads each visible value and reports what is malformed; then
/// <see cref="PlanningChecks"/> asks the database whether the choice still holds. One instance per submission.
/// </summary>
public sealed class PlannerValidator : IComponentValidator
{
    public string ComponentType => ComponentTypes.AppointmentPlanner;

    public List<FoundPlanner> Found { get; } = [];

    public IEnumerable<ValidationError> Validate(ComponentValidationContext context)
    {
        // An empty planner is the required rule's business (or allowed when the form does not require it).
        if (context.Value is null)
            return [];
        var expertMode = !(context.Component.Json["mainUser"] is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<string>(out var mode) && mode == "referent");
        var errors = new List<ValidationError>();
        if (PlannerValue.Read(context.Value, context.Path, expertMode, errors) is { } value)
            Found.Add(new FoundPlanner(context.Path, value, expertMode, context.Component));
        return errors;
    }
}

/// <summary>The scheduling rules a planning step's choice must meet at submission, through the booking code itself.</summary>
public sealed class PlanningChecks(AppDbContext db, BookingRules rules)
{
    public async Task<List<ValidationError>> Check(FoundPlanner found, Dossier dossier, Guid actorId, CancellationToken ct)
    {
        var (path, v) = (found.Path, found.Value);
        var errors = new List<ValidationError>();
        for (var i = 0; i < v.ParticipantIds.Count; i++)
            if (dossier.Participants.All(p => p.Id != v.ParticipantIds[i]))
                errors.Add(PlannerValue.Error($"{path}.participantIds[{i}]", "participant", "This participant does not belong to the dossier.",
                    "Ce participant ne fait pas partie du dossier."));
        var known = await db.Users.Where(u => v.UserIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < v.UserIds.Count; i++)
            if (!known.Contains(v.UserIds[i]))
                errors.Add(PlannerValue.Error($"{path}.userIds[{i}]", "user", "No user has this id.", "Aucun utilisateur n'a cet identifiant."));
        if (v.LocationId is { } l && !await db.Locations.AnyAsync(x => x.Id == l, ct))
            errors.Add(PlannerValue.Error($"{path}.locationId", "location", "No location has this id.", "Aucun lieu n'a cet identifiant."));

        var (mainKey, mainUser) = found.ExpertMode ? ("expertId", v.MainUserId!.Value) : ("mainUserId", v.MainUserId ?? dossier.ReferentId);
        var mainPath = $"{path}.{mainKey}";
        if (found.ExpertMode)
            errors.AddRange(await ExpertErrors(mainPath, mainUser, dossier, ct));
        else if (mainUser != dossier.ReferentId)
            errors.Add(PlannerValue.Error(mainPath, "referent", "This planning step books in the dossier's referent's agenda.",
                "Cette étape réserve dans l'agenda du référent du dossier."));
        if (errors.Count > 0)
            return errors;

        try
        {
            await rules.EnsureEntitled(dossier, v.UserIds.Append(mainUser), ct);
            await rules.EnsureBookable(mainUser, actorId, v.Start, v.End, null, ct);
        }
        catch (DomainException refused)
        {
            var at = refused.Reason == "not-entitled" ? mainPath : $"{path}.start";
            errors.Add(new ValidationError(at, refused.Reason, refused.Message, French(refused.Reason, refused.Message)));
        }
        return errors;
    }

    private async Task<List<ValidationError>> ExpertErrors(string at, Guid expertId, Dossier dossier, CancellationToken ct)
    {
        var expert = await db.Users.Where(u => u.Id == expertId).Select(u => new { u.Skills }).SingleOrDefaultAsync(ct);
        if (expert is null)
            return [PlannerValue.Error(at, "user", "No user has this id.", "Aucun utilisateur n'a cet identifiant.")];
        var isExpert = await db.UserRoles.AnyAsync(ur => ur.UserId == expertId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert), ct);
        if (!isExpert)
            return [PlannerValue.Error(at, "expert", "This user does not have the expert role.", "Cet utilisateur n'a pas le rôle d'expert.")];
        var missing = dossier.RequiredSkills.Except(expert.Skills).ToList();
        return missing.Count == 0 ? []
            : [PlannerValue.Error(at, "skills", $"The expert lacks skills the dossier requires: {string.Join(", ", missing)}.",
                $"L'expert n'a pas les compétences que le dossier demande : {string.Join(", ", missing)}.")];
    }

    private static string French(string reason, string english) => reason switch
    {
        "outside-availability" => "Le créneau est en dehors des plages de disponibilité de l'utilisateur principal.",
        "busy-elsewhere" => "L'utilisateur principal est occupé à ce moment dans son propre agenda.",
        "overlap" => "L'utilisateur principal a déjà un rendez-vous planifié à ce moment.",
        "not-entitled" => "Le dossier est confidentiel et cet utilisateur n'y participe pas.",
        _ => english,
    };
}
