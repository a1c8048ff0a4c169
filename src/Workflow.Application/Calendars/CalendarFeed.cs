namespace Workflow.Application.Calendars;

public enum FeedStatus { Pending, Ok, Error }

/// <summary>An external calendar a user publishes as an iCalendar URL (Outlook, Google…), read periodically for busy times.</summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public CalendarFeed(Guid userId, string url, string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Url = url;
        Name = name;
        Status = FeedStatus.Pending;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The feed's address. It can hold a secret (Google's private address does), so only its owner and admins read it.</summary>
    public string Url { get; private set; } = "";

    public string Name { get; private set; } = "";

    public FeedStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public string? LastError { get; private set; }

    public int BusyCount { get; private set; }

    /// <summary>What the last reading had to guess (a time zone nothing defined, read in the owner's zone); null when nothing.</summary>
    public string? LastWarning { get; private set; }

    public void Succeeded(int busyCount, IReadOnlyList<string> warnings, DateTimeOffset now)
    {
        Status = FeedStatus.Ok;
        LastAttemptAt = LastSuccessAt = now;
        LastError = null;
        BusyCount = busyCount;
        var warning = string.Join(" ", warnings);
        LastWarning = warning.Length == 0 ? null : warning.Length > 1000 ? warning[..1000] : warning;
    }

    /// <summary>The busy times read last time stay: a feed that is down for an hour should not make its owner look free.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Status = FeedStatus.Error;
        LastAttemptAt = now;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}

/// <summary>The secret of a user's personal feed, kept only as a SHA-256 hash: the URL is the credential.</summary>
public sealed class PersonalFeedToken
{
    private PersonalFeedToken() { }

    public PersonalFeedToken(Guid userId, string tokenHash, DateTimeOffset now)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
