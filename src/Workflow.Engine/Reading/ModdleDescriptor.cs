namespace Workflow.Engine.Reading;

/// <summary>
/// The moddle descriptor of the wf namespace (wf.moddle.json, embedded): bpmn-js keeps only the extension
/// elements a descriptor declares, so the designer loads this one, the file the engine is tested against.
/// </summary>
public static class ModdleDescriptor
{
    public static string Json { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ModdleDescriptor).Assembly.GetManifestResourceStream("Workflow.Engine.wf.moddle.json")
            ?? throw new InvalidOperationException("wf.moddle.json is not embedded in Workflow.Engine.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
