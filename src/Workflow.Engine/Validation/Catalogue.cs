namespace Workflow.Engine.Validation;

/// <summary>
/// What the host can run: its command names and form keys. A null delegate means "not checked",
/// so the CLI can validate structure without the application loaded.
/// </summary>
public sealed record Catalogue(Func<string, bool>? IsKnownCommand = null, Func<string, bool>? IsKnownFormKey = null)
{
    public static Catalogue None { get; } = new();

    public static Catalogue Of(IEnumerable<string> commands, IEnumerable<string> formKeys)
    {
        var commandSet = commands.ToHashSet(StringComparer.Ordinal);
        var formSet = formKeys.ToHashSet(StringComparer.Ordinal);
        return new Catalogue(commandSet.Contains, formSet.Contains);
    }
}
