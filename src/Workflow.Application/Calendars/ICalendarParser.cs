using System.Text;

namespace Workflow.Application.Calendars;

public sealed record ICalProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public string? Param(string name) => Parameters.TryGetValue(name, out var v) ? v : null;
}

public sealed class ICalComponent(string name)
{
    public string Name { get; } = name;

    public List<ICalProperty> Properties { get; } = [];

    public List<ICalComponent> Children { get; } = [];

    public ICalProperty? Get(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public IEnumerable<ICalProperty> All(string name) => Properties.Where(p => p.Name == name);
}

/// <summary>Reads RFC 5545 content lines into components. Tolerant of what real feeds do (LF-only line ends, stray blank lines); a broken structure is a <see cref="FormatException"/>.</summary>
public static class ICalendarParser
{
    public static List<ICalComponent> Parse(string text)
    {
        var roots = new List<ICalComponent>();
        var stack = new Stack<ICalComponent>();
        foreach (var line in Unfold(text))
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new ICalComponent(property.Value.Trim().ToUpperInvariant());
                if (stack.Count > 0) stack.Peek().Children.Add(component); else roots.Add(component);
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || stack.Peek().Name != property.Value.Trim().ToUpperInvariant())
                    throw new FormatException($"END:{property.Value} does not close the open component.");
                stack.Pop();
            }
            else if (stack.Count > 0)
            {
                stack.Peek().Properties.Add(property);
            }
        }
        if (stack.Count > 0)
            throw new FormatException($"BEGIN:{stack.Peek().Name} is never closed.");
        return roots;
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }
            if (current.Length > 0)
                yield return current.ToString();
            current.Clear().Append(line);
        }
        if (current.Length > 0)
            yield return current.ToString();
    }

    private static ICalProperty ParseLine(string line)
    {
        // The value starts at the first colon outside a quoted parameter value.
        var quoted = false;
        var colon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) { colon = i; break; }
        }
        if (colon < 0)
            throw new FormatException($"Not a content line: '{(line.Length > 40 ? line[..40] + "…" : line)}'.");
        var head = SplitOutsideQuotes(line[..colon], ';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in head.Skip(1))
        {
            var eq = p.IndexOf('=');
            if (eq > 0)
                parameters[p[..eq].ToUpperInvariant()] = p[(eq + 1)..].Trim('"');
        }
        return new ICalProperty(head[0].ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    private static List<string> SplitOutsideQuotes(string s, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '"') quoted = !quoted;
            else if (s[i] == separator && !quoted) { parts.Add(s[start..i]); start = i + 1; }
        }
        parts.Add(s[start..]);
        return parts;
    }

    public static string UnescapeText(string value) =>
        value.Replace("\\n", "\n").Replace("\\N", "\n").Replace("\\,", ",").Replace("\\;", ";").Replace("\\\\", "\\");
}
