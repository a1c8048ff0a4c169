using System.Text.Json.Nodes;
using FluentValidation;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.FormDefinitions;

public static class ImportForm
{
    /// <summary>Imports a form schema under its key: changed content becomes the next version, the same content as the latest version creates nothing.</summary>
    public sealed record Command(string Key, JsonObject? Schema) : ICommand<Result>;

    public sealed record Result(FormVersionDto Form, bool Created);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Key).NotEmpty().MaximumLength(100).Matches(FormCatalog.KeyPattern)
                .WithMessage("A form key is lower-case words joined by '-', e.g. 'plan-appointment'.");
            RuleFor(c => c.Schema).NotNull().WithMessage("Send the Form.io schema as 'schema'.");
            RuleFor(c => c.Schema).Custom((schema, context) =>
            {
                foreach (var (path, message) in FormSchemaLimits.Check(schema!))
                    context.AddFailure(path, message);
            }).When(c => c.Schema is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            FormCatalog.Parse(command.Schema!);
            var latest = await FormCatalog.Latest(db, command.Key, ct);
            if (latest is not null && latest.ContentHash == FormDefinition.Hash(command.Schema!))
                return new Result(FormVersionDto.From(latest), false);

            var created = FormDefinition.Create(command.Key, (latest?.Version ?? 0) + 1, command.Schema!,
                user.IsAuthenticated ? user.Id : null, clock.GetUtcNow());
            db.FormDefinitions().Add(created);
            return new Result(FormVersionDto.From(created), true);
        }
    }
}
