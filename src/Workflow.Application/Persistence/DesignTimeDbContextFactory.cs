using Microsoft.EntityFrameworkCore.Design;

namespace Workflow.Application.Persistence;

/// <summary>
/// How the <c>dotnet ef</c> tool makes an <see cref="AppDbContext"/> (docs/operations.md#writing-the-next-migration).
/// The connection string comes from <c>--connection</c> (given to dotnet ef itself, or after <c>--</c>), else from
/// <c>ConnectionStrings__Workflow</c>, else it is the private cluster scripts/run.sh starts (no password).
/// <c>migrations add</c>, <c>list</c> without a database and <c>script</c> never connect.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public const string LocalCluster = "Host=127.0.0.1;Port=55432;Username=workflow;Database=workflow";

    public AppDbContext CreateDbContext(string[] args) => AppDbContextOptions.Create(ConnectionString(args));

    public static string ConnectionString(string[] args)
    {
        var i = Array.IndexOf(args, "--connection");
        if (i >= 0 && i + 1 < args.Length)
            return args[i + 1];
        var fromEnvironment = Environment.GetEnvironmentVariable("ConnectionStrings__Workflow");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? LocalCluster : fromEnvironment;
    }
}
