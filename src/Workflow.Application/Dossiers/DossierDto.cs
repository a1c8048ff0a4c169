using Workflow.Application.Common;

namespace Workflow.Application.Dossiers;

public sealed record ParticipantDto(Guid Id, ParticipantKind Kind, string Role, Guid? UserId, string Name, string? Email, string? Phone, Address? Address);

public sealed record DossierDto(
    Guid Id, string Reference, string Title, string Kind, DossierStatus Status, IReadOnlyList<string> RequiredSkills, Address? Address,
    bool Urgent, bool Confidential, Guid ReferentId, DateTimeOffset CreatedAt, IReadOnlyList<ParticipantDto> Participants)
{
    public static DossierDto From(Dossier d) => new(
        d.Id, d.Reference, d.Title, d.Kind, d.Status, d.RequiredSkills, d.Address, d.Urgent, d.Confidential, d.ReferentId, d.CreatedAt,
        d.Participants.Select(p => new ParticipantDto(p.Id, p.Kind, p.Role, p.UserId, p.Name, p.Email, p.Phone, p.Address)).ToList());
}
