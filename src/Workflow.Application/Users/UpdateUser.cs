using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;

namespace Workflow.Application.Users;

/// <summary>
/// An administrator changes a user's profile, roles and skills (null leaves a part as it is); the base address is
/// taken away with RemoveBaseAddress.
/// </summary>
public static class UpdateUser
{
    public sealed record Command(Guid UserId, string? FullName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Skills, Address? BaseAddress, string? TimeZone,
        bool RemoveBaseAddress = false) : ICommand<UserSummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.FullName).NotEmpty().MaximumLength(200).When(c => c.FullName is not null);
            RuleForEach(c => c.Roles).Must(Common.Roles.IsKnown).WithMessage("'{PropertyValue}' is not a role; roles are admin, designer, planner, expert.");
            RuleFor(c => c.BaseAddress!).SetValidator(new AddressValidator()).When(c => c.BaseAddress is not null);
            RuleFor(c => c.RemoveBaseAddress).Equal(false).When(c => c.BaseAddress is not null).WithMessage("Give a base address or remove it, not both.");
            RuleFor(c => c.TimeZone).Must(AppUser.IsKnownTimeZone).When(c => c.TimeZone is not null)
                .WithMessage("'{PropertyValue}' is not a known IANA time zone.");
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users) : MediatR.IRequestHandler<Command, UserSummary>
    {
        public async Task<UserSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
                       ?? throw new NotFoundException("User", command.UserId);
            if (command.FullName is not null) user.Rename(command.FullName.Trim());
            if (command.Skills is not null) user.SetSkills(await SkillCatalogue.RequireKnown(db, command.Skills, cancellationToken));
            if (command.BaseAddress is not null || command.RemoveBaseAddress) user.SetBase(command.BaseAddress);
            if (command.TimeZone is not null) user.SetTimeZone(command.TimeZone);

            if (command.Roles is not null)
            {
                var current = await users.GetRolesAsync(user);
                var wanted = command.Roles.Distinct().ToList();
                var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
                var added = await users.AddToRolesAsync(user, wanted.Except(current));
                if (!removed.Succeeded || !added.Succeeded)
                    throw IdentityErrors.ToValidation(removed.Succeeded ? added : removed);
                // A token carries the roles it was issued with: a new stamp ends the sessions that hold the old ones.
                if (!current.ToHashSet().SetEquals(wanted))
                    await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                await users.UpdateAsync(user);
            }

            return await UserQueries.Summary(db, user.Id, cancellationToken);
        }
    }
}
