using Workflow.Application.Common;

namespace Workflow.Application.Workflows;

public enum DefinitionStatus { Draft, Published, Unpublished }

/// <summary>
/// One version of a BPMN definition, kept exactly as deployed. Versions never change once made:
/// a new content is a new version, and a revert copies an old one into a new draft. At most one
/// version of a key is published (the database guards it); only that one is triggered.
/// </summary>
public sealed class WorkflowDefinition : Entity
{
    private WorkflowDefinition() { }

    public Guid Id { get; private set; }

    /// <summary>The BPMN process id: stable across versions.</summary>
    public string Key { get; private set; } = "";

    public int Version { get; private set; }

    public string? Name { get; private set; }

    public string Xml { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public DefinitionStatus Status { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? PublishedById { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public Guid? UnpublishedById { get; private set; }

    public DateTimeOffset? UnpublishedAt { get; private set; }

    /// <summary>The version this draft was copied from by a revert.</summary>
    public int? RevertedFrom { get; private set; }

    public uint RowVersion { get; private set; }

    public static WorkflowDefinition Create(string key, int version, string? name, string xml, string contentHash, Guid? by, DateTimeOffset now, int? revertedFrom = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        Key = key,
        Version = version,
        Name = name,
        Xml = xml,
        ContentHash = contentHash,
        Status = DefinitionStatus.Draft,
        CreatedById = by,
        CreatedAt = now,
        RevertedFrom = revertedFrom,
    };

    public void Publish(Guid? by, DateTimeOffset now)
    {
        if (Status == DefinitionStatus.Published)
            throw new DomainException("already-published", $"Version {Version} of '{Key}' is already published.");
        Status = DefinitionStatus.Published;
        PublishedById = by;
        PublishedAt = now;
        Raise(new WorkflowDefinitionPublished(Id, Key, Version, now));
    }

    public void Unpublish(Guid? by, DateTimeOffset now)
    {
        if (Status != DefinitionStatus.Published)
            throw new DomainException("not-published", $"Version {Version} of '{Key}' is {Kebab.Of(Status)}, not published.");
        Status = DefinitionStatus.Unpublished;
        UnpublishedById = by;
        UnpublishedAt = now;
        Raise(new WorkflowDefinitionUnpublished(Id, Key, Version, now));
    }
}

/// <summary>After commit, its timer start events are scheduled.</summary>
public sealed record WorkflowDefinitionPublished(Guid DefinitionId, string Key, int Version, DateTimeOffset OccurredAt) : IInternalEvent;

/// <summary>After commit, its timer start events' triggers are removed.</summary>
public sealed record WorkflowDefinitionUnpublished(Guid DefinitionId, string Key, int Version, DateTimeOffset OccurredAt) : IInternalEvent;
