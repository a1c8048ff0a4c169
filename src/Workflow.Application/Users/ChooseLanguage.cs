using FluentValidation;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Users;

/// <summary>The signed-in user chooses the language of the screens; it follows them from one browser to another.</summary>
public static class ChooseLanguage
{
    public sealed record Command(string Language) : ICommand<MediatR.Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Language).Must(l => AppUser.Languages.Contains(l)).WithMessage($"The language is one of: {string.Join(", ", AppUser.Languages)}.");
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var me = await db.Users.FindAsync([user.RequireId()], cancellationToken) ?? throw new NotFoundException("User", user.Id);
            me.ChooseLanguage(command.Language);
            return MediatR.Unit.Value;
        }
    }
}
