using System.Text.RegularExpressions;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

internal sealed class MinLengthRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "minLength") && Js.IsTruthy(c.Value) && Setting.Usable(Setting.Of(c, "minLength", true));

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Value) is not { } s) return null;
        var min = Setting.Of(c, "minLength", true)!.Value;
        return s.Length < min ? new("minLength", "minLength", Setting.Text(min)) : null;
    }
}

internal sealed class MaxLengthRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "maxLength") && Js.IsTruthy(c.Value) && Js.IsString(c.Value) && Setting.Usable(Setting.Of(c, "maxLength", true));

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var max = Setting.Of(c, "maxLength", true)!.Value;
        return Js.AsString(c.Value)!.Length > max ? new("maxLength", "maxLength", Setting.Text(max)) : null;
    }
}

internal static partial class Words
{
    public static int Count(string s) => WhiteSpace().Split(Js.Trim(s)).Length;

    [GeneratedRegex(@"[\s\uFEFF]+")]
    private static partial Regex WhiteSpace();
}

internal sealed class MinWordsRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "minWords") && Setting.Usable(Setting.Of(c, "minWords", true)) && Js.IsTruthy(c.Value) && Js.IsString(c.Value);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var min = Setting.Of(c, "minWords", true)!.Value;
        return Words.Count(Js.AsString(c.Value)!) < min ? new("minWords", "minWords", Setting.Text(min)) : null;
    }
}

internal sealed class MaxWordsRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "maxWords") && Setting.Usable(Setting.Of(c, "maxWords", true));

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Value) is not { } s) return null;
        var max = Setting.Of(c, "maxWords", true)!.Value;
        return Words.Count(s) > max ? new("maxWords", "maxWords", Setting.Text(max)) : null;
    }
}

internal sealed class PatternRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, "pattern") && Js.IsTruthy(c.Value) && Js.IsString(c.Value)
        && Js.IsTruthy(c.Component.Validate!["pattern"]);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Component.Validate!["pattern"]) is not { } pattern) return null;
        try
        {
            if (Patterns.Anchored(pattern).IsMatch(Js.AsString(c.Value)!)) return null;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that backtracks for a second is treated as not matching rather than hanging the server.
        }
        var key = Js.AsString(c.Component.Validate["patternMessage"]) is { Length: > 0 } m ? m : "pattern";
        return new(key, "pattern", pattern);
    }
}
