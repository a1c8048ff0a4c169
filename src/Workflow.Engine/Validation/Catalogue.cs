namespace Workflow.Engine.Validation;

/// <summary>
/// What the host can run: its command names, form keys and the event types it raises. A null delegate
/// means "not checked", so the CLI can validate structure without the application loaded and the engine
/// stays generic.
/// </summary>
public sealed record Catalogue(Func<string, bool>? IsKnownCommand = null, Func<string, bool>? IsKnownFormKey = null,
    Func<string, bool>? IsKnownEventType = null)
{
    public static Catalogue None { get; } = new();

    /// <summary>Without <paramref name="eventTypes"/>, a message event may name any event type.</summary>
    public static Catalogue Of(IEnumerable<string> commands, IEnumerable<string> formKeys, IEnumerable<string>? eventTypes = null)
    {
        var commandSet = commands.ToHashSet(StringComparer.Ordinal);
        var formSet = formKeys.ToHashSet(StringComparer.Ordinal);
        var eventSet = eventTypes?.ToHashSet(StringComparer.Ordinal);
        return new Catalogue(commandSet.Contains, formSet.Contains, eventSet is null ? null : eventSet.Contains);
    }
}
