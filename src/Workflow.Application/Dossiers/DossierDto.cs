using Workflow.Application.Common;

namespace Workflow.Application.Dossiers;

public sealed record ParticipantDto(Guid Id, ParticipantKind Kind, string Role, Guid? UserId, string Name, string? Email, string? Phone, Address? Address);

/// <summary>A dossier as screens show it; the referent's and the assigned expert's names come from their participants (AssignExpert records the expert as the internal-user participant in role "expert").</summary>
public sealed record DossierDto(
    Guid Id, string Reference, string Title, string Kind, DossierStatus Status, IReadOnlyList<string> RequiredSkills, Address? Address,
    bool Urgent, bool Confidential, Guid ReferentId, DateTimeOffset CreatedAt, IReadOnlyList<ParticipantDto> Participants,
    string? ReferentName, Guid? ExpertId, string? ExpertName)
{
    public const string ExpertRole = "expert";

    public static DossierDto From(Dossier d)
    {
        var expert = d.Participants.FirstOrDefault(p => p.Kind == ParticipantKind.InternalUser && p.Role == ExpertRole);
        var referent = d.Participants.FirstOrDefault(p => p.Kind == ParticipantKind.InternalUser && p.UserId == d.ReferentId);
        return new(
            d.Id, d.Reference, d.Title, d.Kind, d.Status, d.RequiredSkills, d.Address, d.Urgent, d.Confidential, d.ReferentId, d.CreatedAt,
            d.Participants.Select(p => new ParticipantDto(p.Id, p.Kind, p.Role, p.UserId, p.Name, p.Email, p.Phone, p.Address)).ToList(),
            referent?.Name, expert?.UserId, expert?.Name);
    }
}
