using Workflow.Engine.Model;
using Workflow.Engine.Reading;

namespace Workflow.Engine.Validation;

public sealed record ValidationReport(ProcessDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>Lists every problem of a definition at once, so a designer fixes them in one round.</summary>
public static class DefinitionValidator
{
    public static ValidationReport Validate(string? xml, Catalogue? catalogue = null)
    {
        var read = BpmnReader.Read(xml);
        if (read.Definition is null)
            return new ValidationReport(null, read.Errors);
        return new ValidationReport(read.Definition, Validate(read.Definition, catalogue));
    }

    public static IReadOnlyList<ValidationError> Validate(ProcessDefinition definition, Catalogue? catalogue = null)
    {
        var errors = new List<ValidationError>(definition.ReadProblems);
        StructureRules.Check(definition, errors);
        EventRules.Check(definition, errors);
        GatewayRules.Check(definition, errors);
        ReachabilityRule.Check(definition, errors);
        ExpressionRules.Check(definition, errors);
        CatalogueRules.Check(definition, catalogue ?? Catalogue.None, errors);
        return errors.Distinct().ToList();
    }
}
