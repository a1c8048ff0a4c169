using System.Globalization;

namespace Workflow.Application.Calendars;

/// <summary>A DATE or DATE-TIME value as written, with the zone it is read in.</summary>
public readonly record struct ICalDateTime(DateTime Local, bool IsUtc, bool IsDate, IICalZone Zone)
{
    public DateTimeOffset ToUtc() => IsUtc ? new DateTimeOffset(DateTime.SpecifyKind(Local, DateTimeKind.Unspecified), TimeSpan.Zero) : Zone.ToUtc(Local);

    public ICalDateTime With(DateTime local) => this with { Local = local };
}

/// <summary>A time zone as a calendar names it: an IANA or Windows id the system knows, or the file's own VTIMEZONE.</summary>
public interface IICalZone
{
    DateTimeOffset ToUtc(DateTime local);
}

public sealed class SystemZone(TimeZoneInfo zone) : IICalZone
{
    public static readonly SystemZone Utc = new(TimeZoneInfo.Utc);

    public DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a DST jump is read as the instant after the jump, as RFC 5545 §3.3.5 asks.
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class ICalTime
{
    private static readonly string[] DateTimeFormats = ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"];

    public static ICalDateTime Parse(ICalProperty property, Func<string, IICalZone> zones, IICalZone floating)
    {
        var value = property.Value.Trim();
        if (property.Param("VALUE")?.Equals("DATE", StringComparison.OrdinalIgnoreCase) == true || value.Length == 8)
            return new ICalDateTime(DateTime.ParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture), false, true, floating);
        var utc = value.EndsWith('Z');
        var local = DateTime.ParseExact(utc ? value[..^1] : value, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = utc ? SystemZone.Utc : property.Param("TZID") is { } tzid ? zones(tzid) : floating;
        return new ICalDateTime(local, utc, false, zone);
    }

    /// <summary>RFC 5545 §3.3.6 durations: P1D, PT1H30M, P2W, -PT15M.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var s = text.Trim().ToUpperInvariant();
        var sign = 1;
        if (s.StartsWith('-')) { sign = -1; s = s[1..]; }
        else if (s.StartsWith('+')) s = s[1..];
        if (!s.StartsWith('P')) throw new FormatException($"'{text}' is not a duration.");
        var total = TimeSpan.Zero;
        var number = 0;
        var inTime = false;
        foreach (var c in s[1..])
        {
            if (char.IsAsciiDigit(c)) { number = checked(number * 10 + (c - '0')); continue; }
            total += c switch
            {
                'W' => TimeSpan.FromDays(7 * number),
                'D' => TimeSpan.FromDays(number),
                'T' => TimeSpan.Zero,
                'H' when inTime => TimeSpan.FromHours(number),
                'M' when inTime => TimeSpan.FromMinutes(number),
                'S' when inTime => TimeSpan.FromSeconds(number),
                _ => throw new FormatException($"'{text}' is not a duration."),
            };
            if (c == 'T') inTime = true;
            number = 0;
        }
        return sign * total;
    }
}
