using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Skills;

/// <summary>A skill of the catalogue that administrators keep (e.g. <c>water-damage</c>, "Dégâts des eaux").</summary>
public sealed class Skill
{
    private Skill() { }

    public Skill(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";
}

public sealed record SkillDto(string Code, string Name);

internal static class SkillCatalogue
{
    /// <summary>Skill codes must come from the catalogue, so matching by skill never misses a misspelt one.</summary>
    public static async Task<List<string>> RequireKnown(AppDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Skills.Where(s => wanted.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("skills", $"Unknown skill(s): {string.Join(", ", unknown)}.")]);
        return wanted;
    }
}

public static class CreateSkill
{
    public sealed record Command(string Code, string Name) : ICommand<SkillDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(64).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
                .WithMessage("A skill code is lower-case words joined by hyphens, e.g. 'water-damage'.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        }
    }

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Command, SkillDto>
    {
        public async Task<SkillDto> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await db.Skills.AnyAsync(s => s.Code == command.Code, cancellationToken))
                throw new DomainException("duplicate", $"The skill '{command.Code}' already exists.");
            db.Skills.Add(new Skill(command.Code, command.Name.Trim()));
            return new SkillDto(command.Code, command.Name.Trim());
        }
    }
}

public static class ListSkills
{
    public sealed record Query : IQuery<IReadOnlyList<SkillDto>>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<SkillDto>>
    {
        public async Task<IReadOnlyList<SkillDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Skills.OrderBy(s => s.Name).Select(s => new SkillDto(s.Code, s.Name)).ToListAsync(cancellationToken);
    }
}
