using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Application.Common;
using Workflow.Forms.Validation;

namespace Workflow.Application.FormDefinitions;

/// <summary>
/// The value of an appointmentPlanner component: the appointment's characteristics (period,
/// duration, place, concerned parties) and the choice made in the planning step (the main user
/// and the slot). The workflow's service tasks and the booking read these names.
/// </summary>
public sealed record PlannerValue(
    DateTimeOffset PeriodFrom, DateTimeOffset PeriodTo, int DurationMinutes, Guid? LocationId, Address? Address,
    IReadOnlyList<Guid> ParticipantIds, IReadOnlyList<Guid> UserIds, Guid? MainUserId, DateTimeOffset Start, DateTimeOffset End)
{
    public const int MinDuration = 5;
    public const int MaxDuration = 12 * 60;

    /// <summary>Reads the value, or reports each field that cannot be read (at its own path) and returns null.</summary>
    public static PlannerValue? Read(JsonNode? node, string path, bool expertMode, List<ValidationError> errors)
    {
        if (node is not JsonObject v)
        {
            errors.Add(Error(path, "appointmentPlanner", "The planning step must be filled in.", "L'étape de planification doit être remplie."));
            return null;
        }
        var before = errors.Count;
        var from = Time(v, "periodFrom", path, errors);
        var to = Time(v, "periodTo", path, errors);
        var start = Time(v, "start", path, errors);
        var end = Time(v, "end", path, errors);
        int duration = 0;
        if (v["durationMinutes"] is not JsonValue d || !d.TryGetValue(out duration) || duration is < MinDuration or > MaxDuration)
            errors.Add(Error($"{path}.durationMinutes", "duration", $"The duration is a whole number of minutes between {MinDuration} and {MaxDuration}.",
                $"La durée est un nombre entier de minutes entre {MinDuration} et {MaxDuration}."));
        var mainKey = expertMode ? "expertId" : "mainUserId";
        var main = Id(v, mainKey, path, errors, required: expertMode);
        var location = Id(v, "locationId", path, errors, required: false);
        var address = Place(v, path, errors);
        var participants = Ids(v, "participantIds", path, errors);
        var users = Ids(v, "userIds", path, errors);
        if (errors.Count > before)
            return null;

        if (to <= from)
            errors.Add(Error($"{path}.periodTo", "period", "The period must end after it starts.", "La période doit se terminer après son début."));
        if (end - start != TimeSpan.FromMinutes(duration))
            errors.Add(Error($"{path}.end", "duration", $"The slot must last the appointment's {duration} minutes.",
                $"Le créneau doit durer les {duration} minutes du rendez-vous."));
        if (start < from || end > to)
            errors.Add(Error($"{path}.start", "period", "The slot must lie inside the period.", "Le créneau doit se trouver dans la période."));
        return errors.Count > before ? null
            : new PlannerValue(from, to, duration, location, address, participants, users, main, start, end);
    }

    public static ValidationError Error(string path, string rule, string en, string fr) => new(path, rule, en, fr);

    private static DateTimeOffset Time(JsonObject v, string key, string path, List<ValidationError> errors)
    {
        if (v[key] is JsonValue t && t.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return value.ToUniversalTime();
        errors.Add(Error($"{path}.{key}", "date", $"{key} must be a date and time (ISO 8601).", $"{key} doit être une date et une heure (ISO 8601)."));
        return default;
    }

    private static Guid? Id(JsonObject v, string key, string path, List<ValidationError> errors, bool required)
    {
        var node = v[key];
        if (node is null)
        {
            if (required)
                errors.Add(Error($"{path}.{key}", "required", $"{key} is required.", $"{key} est obligatoire."));
            return null;
        }
        if (node is JsonValue g && g.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
            return id;
        errors.Add(Error($"{path}.{key}", "id", $"{key} must be an id.", $"{key} doit être un identifiant."));
        return null;
    }

    private static List<Guid> Ids(JsonObject v, string key, string path, List<ValidationError> errors)
    {
        var ids = new List<Guid>();
        if (v[key] is null)
            return ids;
        if (v[key] is not JsonArray list || list.Count > 100)
        {
            errors.Add(Error($"{path}.{key}", "array", $"{key} must be a list of at most 100 ids.", $"{key} doit être une liste d'au plus 100 identifiants."));
            return ids;
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonValue g && g.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
                ids.Add(id);
            else
                errors.Add(Error($"{path}.{key}[{i}]", "id", "Each item must be an id.", "Chaque élément doit être un identifiant."));
        }
        return ids;
    }

    private static Address? Place(JsonObject v, string path, List<ValidationError> errors)
    {
        if (v["address"] is null)
            return null;
        if (v["address"] is JsonObject a && a["text"] is JsonValue t && t.TryGetValue<string>(out var text) && text.Trim().Length is > 0 and <= 500
            && Coordinate(a["latitude"], 90, out var lat) && Coordinate(a["longitude"], 180, out var lon) && (lat is null) == (lon is null))
            return new Address(text.Trim(), lat, lon);
        errors.Add(Error($"{path}.address", "address", "The address needs a text of at most 500 characters, and both coordinates or neither.",
            "L'adresse demande un texte d'au plus 500 caractères, et les deux coordonnées ou aucune."));
        return null;
    }

    private static bool Coordinate(JsonNode? node, double limit, out double? value)
    {
        value = null;
        if (node is null)
            return true;
        if (node is JsonValue n && n.TryGetValue<double>(out var number) && Math.Abs(number) <= limit)
        {
            value = number;
            return true;
        }
        return false;
    }
}
