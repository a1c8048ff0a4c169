using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Dossiers;

public static class AddParticipant
{
    /// <summary>Adds a person, a third party or an internal user (by <see cref="UserId"/>; name and e-mail then come from the user).</summary>
    public sealed record Command(Guid DossierId, ParticipantKind Kind, string Role, Guid? UserId = null, string? Name = null, string? Email = null,
        string? Phone = null, Address? Address = null) : ICommand<ParticipantDto>, IOnDossier;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DossierId).NotEmpty();
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Role).NotEmpty().MaximumLength(64);
            RuleFor(c => c.UserId).NotEmpty().When(c => c.Kind == ParticipantKind.InternalUser)
                .WithMessage("An internal-user participant names the user.");
            RuleFor(c => c.UserId).Null().When(c => c.Kind != ParticipantKind.InternalUser)
                .WithMessage("Only internal-user participants name a user.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200).When(c => c.Kind != ParticipantKind.InternalUser);
            RuleFor(c => c.Email).EmailAddress().MaximumLength(256).When(c => c.Email is not null);
            RuleFor(c => c.Phone).MaximumLength(40).Matches(@"^[+0-9 ().\/-]{4,40}$").When(c => c.Phone is not null);
            RuleFor(c => c.Address!).SetValidator(new AddressValidator()).When(c => c.Address is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, ParticipantDto>
    {
        public async Task<ParticipantDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            string name = command.Name?.Trim() ?? "";
            var email = command.Email;
            if (command.UserId is { } userId)
            {
                var member = await db.Users.Where(u => u.Id == userId).Select(u => new { u.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken)
                             ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("userId", "No user has this id.")]);
                name = member.FullName;
                email = member.Email;
            }

            var p = dossier.AddParticipant(command.Kind, command.Role.Trim(), command.UserId, name, email, command.Phone, command.Address, clock.GetUtcNow());
            return new ParticipantDto(p.Id, p.Kind, p.Role, p.UserId, p.Name, p.Email, p.Phone, p.Address);
        }
    }
}

public static class RemoveParticipant
{
    public sealed record Command(Guid DossierId, Guid ParticipantId) : ICommand<MediatR.Unit>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            dossier.RemoveParticipant(command.ParticipantId, clock.GetUtcNow());
            return MediatR.Unit.Value;
        }
    }
}
