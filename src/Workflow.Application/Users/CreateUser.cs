using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;

namespace Workflow.Application.Users;

public static class CreateUser
{
    public sealed record Command(string Email, string FullName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<string>? Skills, Address? BaseAddress, string? TimeZone)
        : ICommand<UserSummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.FullName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Password).NotEmpty().MinimumLength(8);
            RuleFor(c => c.Roles).NotNull();
            RuleForEach(c => c.Roles).Must(Common.Roles.IsKnown).WithMessage("'{PropertyValue}' is not a role; roles are admin, designer, planner, expert.");
            RuleFor(c => c.BaseAddress!).SetValidator(new AddressValidator()).When(c => c.BaseAddress is not null);
            RuleFor(c => c.TimeZone).Must(AppUser.IsKnownTimeZone).When(c => c.TimeZone is not null)
                .WithMessage("'{PropertyValue}' is not a known IANA time zone.");
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users) : MediatR.IRequestHandler<Command, UserSummary>
    {
        public async Task<UserSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var skills = await SkillCatalogue.RequireKnown(db, command.Skills ?? [], cancellationToken);
            var user = new AppUser(command.Email.Trim(), command.FullName.Trim(), command.TimeZone ?? "Europe/Brussels");
            user.SetSkills(skills);
            user.SetBase(command.BaseAddress);

            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded)
                throw IdentityErrors.ToValidation(created);
            var roles = await users.AddToRolesAsync(user, command.Roles.Distinct());
            if (!roles.Succeeded)
                throw IdentityErrors.ToValidation(roles);

            return new UserSummary(user.Id, user.FullName, user.Email!, command.Roles.Distinct().Order().ToList(), user.Skills, user.BaseAddress, user.TimeZone);
        }
    }
}

internal static class IdentityErrors
{
    public static Exception ToValidation(IdentityResult result) =>
        result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
            ? new DomainException("duplicate", "A user with this e-mail already exists.")
            : new ValidationException(result.Errors.Select(e =>
                new FluentValidation.Results.ValidationFailure(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)));
}
