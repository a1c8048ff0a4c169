using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Schema;

/// <summary>Form.io's anchoring of validate.pattern, compiled once per pattern.</summary>
public static class Patterns
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// core builds new RegExp(`^${pattern}$`): the anchors are pasted, not grouped, so "a|b"
    /// means "^a|b$". The closing anchor is written \z because .NET's $ also matches before a
    /// final newline and JS's does not; JsRegex gives \d, \w and \s their JS meaning.
    /// </summary>
    public static Regex Anchored(string pattern) => Cache.GetOrAdd(pattern, p => JsRegex.Create($"^{p}\\z"));
}
