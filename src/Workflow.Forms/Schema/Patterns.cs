using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Schema;

/// <summary>Form.io's anchoring of validate.pattern, compiled once per pattern.</summary>
public static class Patterns
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// core builds new RegExp(`^${pattern}$`): the anchors are pasted, not grouped, so "a|b"
    /// means "^a|b$". ECMAScript mode keeps \d and \w to ASCII as in JS; patterns that need
    /// .NET-only syntax to compile fall back to the default mode.
    /// </summary>
    public static Regex Anchored(string pattern) => Cache.GetOrAdd(pattern, p =>
    {
        var text = $"^{p}$";
        try
        {
            return new Regex(text, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
    });
}
