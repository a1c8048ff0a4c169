using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workflow.Engine.State;

/// <summary>
/// Everything the engine knows of one running instance, as plain data: the host stores it as JSON
/// in the same transaction as its own change and checks <see cref="Version"/> for optimistic concurrency.
/// </summary>
public sealed class InstanceState
{
    /// <summary>
    /// The shape of this JSON. A release that changes it raises the number and upgrades older states as it reads
    /// them (<see cref="FromJson"/>), so stored instances survive upgrades; a state newer than this engine is refused.
    /// </summary>
    public const int CurrentFormat = 1;

    /// <summary>Absent in the states of the first release, which are format 1.</summary>
    public int Format { get; set; } = CurrentFormat;

    public Guid Id { get; set; }
    public string ProcessId { get; set; } = "";

    /// <summary>Incremented by every command that changes the instance.</summary>
    public long Version { get; set; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Running;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public JsonObject Variables { get; set; } = [];
    public List<Token> Tokens { get; set; } = [];
    public List<Wait> Waits { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];
    public List<JournalEntry> Journal { get; set; } = [];

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static InstanceState FromJson(string json)
    {
        var state = JsonSerializer.Deserialize<InstanceState>(json, JsonOptions) ?? throw new JsonException("the instance state is null");
        if (state.Format > CurrentFormat)
            throw new NotSupportedException($"the instance state is in format {state.Format}, newer than this engine's {CurrentFormat}: run the newer release");
        // Upgrades from older formats go here, one step at a time, ending with state.Format = CurrentFormat.
        state.Format = CurrentFormat;
        return state;
    }

    public InstanceState Clone() => FromJson(ToJson());
}

public enum InstanceStatus
{
    Running,
    Completed,
    Terminated,
    Cancelled,
    Failed,
}
