using MimeKit;

namespace Workflow.Tests.Infrastructure;

/// <summary>One message the sink kept: MimeKit's reading of it, and the raw text as it arrived.</summary>
public sealed record ReceivedMail(string To, MimeMessage Message, string Raw)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    private TextPart? CalendarPart => Message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));

    /// <summary>The calendar's bytes as they were sent, CRLFs included (<see cref="TextPart.Text"/> would give the platform's line endings).</summary>
    public string? Calendar
    {
        get
        {
            if (CalendarPart is not { } part)
                return null;
            using var bytes = new MemoryStream();
            part.Content?.DecodeTo(bytes);
            return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        }
    }

    public string? CalendarMethod => CalendarPart?.ContentType.Parameters["method"];
}

/// <summary>Reads what the SMTP sink (aiosmtpd, started by scripts/test.sh) received, from its maildir.</summary>
public static class Mailbox
{
    private static string Directory =>
        Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDIR")
        ?? throw new InvalidOperationException("WORKFLOW_TEST_MAILDIR is not set: run the tests with 'bash scripts/test.sh', which starts the SMTP sink.");

    public static List<ReceivedMail> For(string recipient) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "new")).Select(Read)
            .Where(m => m.To.Equals(recipient, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The sink's handler puts the envelope recipient in X-RcptTo.</summary>
    private static ReceivedMail Read(string file)
    {
        var message = MimeMessage.Load(file);
        return new ReceivedMail(message.Headers["X-RcptTo"] ?? "", message, File.ReadAllText(file));
    }
}
