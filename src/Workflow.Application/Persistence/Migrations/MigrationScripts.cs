namespace Workflow.Application.Persistence.Migrations;

/// <summary>
/// Migrations are SQL files embedded in the assembly, each run by a small EF <c>Migration</c>
/// class, so EF's history table still records what ran. How to write the next one is in
/// docs/operations.md; MigrationsMatchModelTests proves the scripts and the model agree.
/// </summary>
internal static class MigrationScripts
{
    public static string Read(string name)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
