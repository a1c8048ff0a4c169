namespace Workflow.Forms.Rules;

internal static class RuleSet
{
    /// <summary>core's order (clientRules then evaluationRules); the order decides which error a customMessage keeps.</summary>
    public static readonly IReadOnlyList<IRule> All =
    [
        new DateRule(), new DayRule(), new EmailRule(), new JsonRule(), new MaskRule(), new MultipleMasksRule(),
        new MaxDayRule(), new MaxDateRule(),
        new MaxLengthRule(), new MaxSelectedCountRule(),
        new MaxRule(), new MaxWordsRule(),
        new MaxYearRule(), new MinDayRule(), new MinDateRule(),
        new MinLengthRule(), new MinSelectedCountRule(), new MinRule(), new MinWordsRule(),
        new MinYearRule(),
        new MultipleRule(), new PatternRule(), new RequiredRule(),
        new RequiredDayRule(),
        new TimeRule(), new UrlRule(), new NumberRule(), new CustomRule(),
        new AvailableItemsRule(),
    ];
}
