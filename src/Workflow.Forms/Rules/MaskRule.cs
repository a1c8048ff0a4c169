using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// inputMask as core checks it on components other than text fields (phoneNumber above all):
/// 9 a digit, A a letter, a a lower-case letter, * a letter or digit, anything else itself.
/// </summary>
internal sealed class MaskRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        c.Component.Type != "time" && Js.IsTruthy(c.Value) && c.Component.Setting("inputMask") is { Length: > 0 }
        && !Js.IsTruthy(c.Component.Validate?["skipMaskValidation"]) && !Js.IsTruthy(c.Component.Json["allowMultipleMasks"]);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c) || Js.AsString(c.Value) is not { } value) return null;
        var mask = c.Component.Setting("inputMask")!;
        return Matches(value, mask) ? null : new("mask", "mask");
    }

    private static bool Matches(string value, string mask)
    {
        if (value.Length > mask.Length) return false;
        for (var i = 0; i < mask.Length; i++)
        {
            if (i >= value.Length) return false;
            var ch = value[i];
            var ok = mask[i] switch
            {
                '9' => char.IsAsciiDigit(ch),
                'A' => char.IsAsciiLetter(ch),
                'a' => char.IsAsciiLetterLower(ch),
                '*' => char.IsAsciiLetterOrDigit(ch),
                _ => ch == mask[i],
            };
            if (!ok) return false;
        }
        return true;
    }
}
