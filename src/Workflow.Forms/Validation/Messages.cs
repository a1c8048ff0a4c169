namespace Workflow.Forms.Validation;

/// <summary>The readable text of each rule, in English and French, after core's i18n keys.</summary>
internal static class Messages
{
    private static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        ["required"] = ("{field} is required", "{field} est obligatoire"),
        ["minLength"] = ("{field} must have at least {setting} characters", "{field} doit contenir au moins {setting} caractères"),
        ["maxLength"] = ("{field} must have no more than {setting} characters", "{field} doit contenir au plus {setting} caractères"),
        ["pattern"] = ("{field} does not match the pattern {setting}", "{field} ne respecte pas le format {setting}"),
        ["min"] = ("{field} cannot be less than {setting}", "{field} ne peut pas être inférieur à {setting}"),
        ["max"] = ("{field} cannot be greater than {setting}", "{field} ne peut pas être supérieur à {setting}"),
        ["minWords"] = ("{field} must have at least {setting} words", "{field} doit contenir au moins {setting} mots"),
        ["maxWords"] = ("{field} must have no more than {setting} words", "{field} doit contenir au plus {setting} mots"),
        ["email"] = ("{field} must be a valid email", "{field} doit être une adresse e-mail valide"),
        ["url"] = ("{field} must be a valid url", "{field} doit être une URL valide"),
        ["number"] = ("{field} must be a number", "{field} doit être un nombre"),
        ["day"] = ("{field} is not a valid day", "{field} n'est pas un jour valide"),
        ["date"] = ("{field} is not a valid date", "{field} n'est pas une date valide"),
        ["time"] = ("{field} is not a valid time", "{field} n'est pas une heure valide"),
        ["maxDate"] = ("{field} should not contain date after {setting}", "{field} ne peut pas être postérieur au {setting}"),
        ["minDate"] = ("{field} should not contain date before {setting}", "{field} ne peut pas être antérieur au {setting}"),
        ["maxYear"] = ("{field} should not contain year greater than {setting}", "L'année de {field} ne peut pas dépasser {setting}"),
        ["minYear"] = ("{field} should not contain year less than {setting}", "L'année de {field} ne peut pas être inférieure à {setting}"),
        ["requiredDayEmpty"] = ("{field} is required", "{field} est obligatoire"),
        ["requiredDayField"] = ("{field}: the day is required", "{field} : le jour est obligatoire"),
        ["requiredMonthField"] = ("{field}: the month is required", "{field} : le mois est obligatoire"),
        ["requiredYearField"] = ("{field}: the year is required", "{field} : l'année est obligatoire"),
        ["mask"] = ("{field} does not match the mask", "{field} ne respecte pas le masque de saisie"),
        ["onlyAvailableItems"] = ("{field} is an invalid option", "{field} n'est pas une option proposée"),
        ["minSelectedCount"] = ("You must select at least {setting} items", "Sélectionnez au moins {setting} éléments"),
        ["maxSelectedCount"] = ("You may only select up to {setting} items", "Sélectionnez au plus {setting} éléments"),
        ["array"] = ("{field} must be an array", "{field} doit être une liste"),
        ["array_nonempty"] = ("{field} must be a non-empty array", "{field} doit être une liste non vide"),
        ["nonarray"] = ("{field} must not be an array", "{field} ne doit pas être une liste"),
        ["unique"] = ("{field} must be unique", "{field} doit être unique"),
        ["custom"] = ("{field} is invalid", "{field} n'est pas valide"),
        ["script"] = ("The script of {field} failed: {setting}", "Le script de {field} a échoué : {setting}"),
    };

    // core's error keys where they differ from the rule names.
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["invalid_email"] = "email",
        ["invalid_url"] = "url",
        ["invalidDay"] = "day",
        ["invalidDate"] = "date",
        ["invalidOption"] = "onlyAvailableItems",
        ["jsonLogic"] = "custom",
    };

    public static (string En, string Fr) For(string key, string field, string? setting)
    {
        if (!Texts.TryGetValue(Keys.GetValueOrDefault(key, key), out var t))
            return (key, key); // a custom message written by the form's author, shown as written
        return (Fill(t.En, field, setting), Fill(t.Fr, field, setting));
    }

    private static string Fill(string text, string field, string? setting) =>
        text.Replace("{field}", field, StringComparison.Ordinal)
            .Replace("{setting}", setting ?? "", StringComparison.Ordinal);

}
