namespace Workflow.Application.Persistence.Migrations;

/// <summary>
/// The SQL history: the migrations before 20261201100000_Baseline are SQL files embedded in the assembly,
/// each run by a small EF <c>Migration</c> class (Migrations.cs), so EF's history table records what ran.
/// They stay as they are, being what existing databases ran; every migration after the baseline is EF's own,
/// made with <c>dotnet ef migrations add</c> (docs/operations.md#writing-the-next-migration).
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
