using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// inputMask as core checks it on components other than text fields (phoneNumber above all):
/// 9 a digit, A a letter, a a lower-case letter, * a letter or digit, anything else itself.
/// core indexes the value whatever its type, so a number or an object fails (its characters
/// are undefined) and an array is matched item by item.
/// </summary>
internal sealed class MaskRule : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        c.Component.Type != "time" && Js.IsTruthy(c.Value) && c.Component.Setting("inputMask") is { Length: > 0 }
        && !Js.IsTruthy(c.Component.Validate?["skipMaskValidation"]) && !MultipleMasksRule.HasMasks(c.Component);

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        return Matches(c.Value!, c.Component.Setting("inputMask")!) ? null : new("mask", "mask");
    }

    public static bool Matches(JsonNode value, string mask)
    {
        var length = value switch
        {
            JsonArray a => a.Count,
            _ when Js.AsString(value) is { } s => s.Length,
            _ => -1,
        };
        if (length > mask.Length) return false;
        for (var i = 0; i < mask.Length; i++)
        {
            var (literal, text) = CharAt(value, i);
            var ok = mask[i] switch
            {
                // RegExp.test converts its argument to a string and searches it, unanchored.
                '9' => text.Any(char.IsAsciiDigit),
                'A' => text.Any(char.IsAsciiLetter),
                'a' => text.Any(char.IsAsciiLetterLower),
                '*' => text.Any(char.IsAsciiLetterOrDigit),
                _ => literal && text == mask[i].ToString(),
            };
            if (!ok) return false;
        }
        return true;
    }

    // The item at i as JS sees it: a string to compare with ===, or the text RegExp.test would read.
    private static (bool IsString, string Text) CharAt(JsonNode value, int i)
    {
        if (Js.AsString(value) is { } s) return i < s.Length ? (true, s[i].ToString()) : (false, "undefined");
        if (value is JsonArray a && i < a.Count)
            return a[i] is null ? (false, "null") : (Js.IsString(a[i]), Js.ToJsString(a[i]));
        return (false, "undefined");
    }
}
