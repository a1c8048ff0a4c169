using System.Globalization;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Application.Persistence;

/// <summary>What the <c>dotnet ef</c> tool uses beside EF's own design-time services (found by the tool, never at run time).</summary>
public sealed class DesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services) =>
        services.AddSingleton<IMigrationsIdGenerator, FollowingMigrationsIdGenerator>();
}

/// <summary>
/// EF's ids (<c>yyyyMMddHHmmss_Name</c>, UTC), except that a new id always sorts after the last migration's:
/// migrations run in the order of their ids, and ids of the SQL history were written by hand, some ahead of the
/// clock (20261201090000_HangfireTimers), so a plain timestamp could put a new migration before them.
/// </summary>
internal sealed class FollowingMigrationsIdGenerator(IMigrationsAssembly migrations) : IMigrationsIdGenerator
{
    private const string Format = "yyyyMMddHHmmss";

    public string GenerateId(string name)
    {
        var now = DateTime.UtcNow;
        var timestamp = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
        var last = migrations.Migrations.Keys.Where(IsValidId).Max(StringComparer.Ordinal);
        if (last is not null)
        {
            var after = DateTime.ParseExact(last[..Format.Length], Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).AddSeconds(1);
            if (after > timestamp)
                timestamp = after;
        }
        return timestamp.ToString(Format, CultureInfo.InvariantCulture) + "_" + name;
    }

    public string GetName(string id) => id[(Format.Length + 1)..];

    public bool IsValidId(string value) =>
        value.Length > Format.Length + 1 && value[Format.Length] == '_' && value[..Format.Length].All(char.IsAsciiDigit);
}
