using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Schema;

/// <summary>
/// Builds a .NET regex that matches as a JavaScript one does. ECMAScript mode gives JS's ASCII
/// \d and \w, but its \s is ASCII too, where JS's \s also covers the Unicode spaces (no-break
/// space, em space, …): \s and \S are spelled out before compiling.
/// </summary>
public static class JsRegex
{
    private const string Spaces = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    public static Regex Create(string source, RegexOptions options = RegexOptions.None)
    {
        var text = Translate(source);
        try
        {
            return new Regex(text, options | RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            // Syntax ECMAScript mode refuses (lookbehind, named groups) still compiles in the default mode.
            return new Regex(text, options & ~RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
    }

    public static string Translate(string source)
    {
        var result = new StringBuilder(source.Length + 16);
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var ch = source[i];
            if (ch == '\\' && i + 1 < source.Length)
            {
                var next = source[++i];
                if (next == 's') result.Append(inClass ? Spaces : "[" + Spaces + "]");
                else if (next == 'S' && !inClass) result.Append("[^" + Spaces + "]");
                else result.Append(ch).Append(next);
                continue;
            }
            if (ch == '[' && !inClass) inClass = true;
            else if (ch == ']' && inClass) inClass = false;
            result.Append(ch);
        }
        return result.ToString();
    }
}
