using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Tests.Infrastructure;

public sealed record ReceivedMail(string To, string Subject, string Text, string? Calendar, string? CalendarMethod);

/// <summary>Reads what the SMTP sink (aiosmtpd, started by scripts/test.sh) received, from its maildir.</summary>
public static partial class Mailbox
{
    private static string Directory =>
        Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDIR")
        ?? throw new InvalidOperationException("WORKFLOW_TEST_MAILDIR is not set: run the tests with 'bash scripts/test.sh', which starts the SMTP sink.");

    public static List<ReceivedMail> For(string recipient) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "new")).Select(f => Parse(File.ReadAllText(f)))
            .Where(m => m.To.Equals(recipient, StringComparison.OrdinalIgnoreCase)).ToList();

    private static ReceivedMail Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n");
        var (headers, body) = Split(raw);
        var to = headers.GetValueOrDefault("x-rcptto", "");
        var subject = DecodeWords(headers.GetValueOrDefault("subject", ""));
        string text = "";
        string? calendar = null, method = null;
        foreach (var (partHeaders, partBody) in Parts(headers, body))
        {
            var type = partHeaders.GetValueOrDefault("content-type", "text/plain");
            var decoded = Decode(partBody, partHeaders.GetValueOrDefault("content-transfer-encoding", "7bit"));
            if (type.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase))
            {
                calendar = decoded;
                method = MethodParam().Match(type).Groups[1].Value;
            }
            else if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && text.Length == 0)
                text = decoded;
        }
        return new ReceivedMail(to, subject, text, calendar, method);
    }

    private static IEnumerable<(Dictionary<string, string>, string)> Parts(Dictionary<string, string> headers, string body)
    {
        var type = headers.GetValueOrDefault("content-type", "text/plain");
        var boundary = BoundaryParam().Match(type);
        if (!boundary.Success)
        {
            yield return (headers, body);
            yield break;
        }
        foreach (var chunk in body.Split("--" + boundary.Groups[1].Value).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
                break;
            var (h, b) = Split(chunk.TrimStart('\n'));
            foreach (var nested in Parts(h, b))
                yield return nested;
        }
    }

    private static (Dictionary<string, string>, string) Split(string raw)
    {
        var end = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
                headers[last] += " " + line.Trim();
            else if (line.IndexOf(':') is > 0 and var colon)
                headers[last = line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return (headers, end < 0 ? "" : raw[(end + 2)..]);
    }

    private static string Decode(string body, string encoding) => encoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // Adjacent encoded words are one text: the space between them is not part of it (RFC 2047 §6.2).
    private static string DecodeWords(string header) => EncodedWord().Replace(Regex.Replace(header, @"\?=\s+=\?", "?==?"), m => m.Groups[2].Value.ToUpperInvariant() == "B"
        ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
        : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParam();

    [GeneratedRegex("method=\"?([A-Za-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MethodParam();
}
