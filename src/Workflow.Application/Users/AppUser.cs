using Microsoft.AspNetCore.Identity;
using Workflow.Application.Common;

namespace Workflow.Application.Users;

/// <summary>An internal member of staff. Identity keeps the credentials; the rest is what planning needs.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <remarks>Identity needs a public parameterless constructor.</remarks>
    public AppUser() { }

    public AppUser(string email, string fullName, string timeZone)
    {
        Id = Guid.CreateVersion7();
        Email = email;
        UserName = email;
        FullName = fullName;
        TimeZone = timeZone;
    }

    public string FullName { get; private set; } = "";

    /// <summary>Skill codes (see <see cref="Skills.Skill"/>).</summary>
    public List<string> Skills { get; private set; } = [];

    /// <summary>Where the user starts from when no availability range says otherwise.</summary>
    public Address? BaseAddress { get; private set; }

    /// <summary>IANA time zone, e.g. <c>Europe/Brussels</c>.</summary>
    public string TimeZone { get; private set; } = "Europe/Brussels";

    /// <summary>The language the user chose for the screens and e-mails (<c>fr</c> or <c>en</c>); null until they choose.</summary>
    public string? Language { get; private set; }

    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];

    public void Rename(string fullName) => FullName = fullName;

    public void ChooseLanguage(string language) =>
        Language = Languages.Contains(language) ? language : throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language the application speaks.");

    public void SetSkills(IEnumerable<string> skills) => Skills = skills.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public void SetBase(Address? address) => BaseAddress = address;

    public void SetTimeZone(string timeZone) => TimeZone = timeZone;

    public static bool IsKnownTimeZone(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
