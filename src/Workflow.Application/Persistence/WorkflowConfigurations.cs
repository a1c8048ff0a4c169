using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Application.Dossiers;
using Workflow.Application.Workflows;

namespace Workflow.Application.Persistence;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinition> b)
    {
        b.Property(d => d.Key).HasMaxLength(200).IsRequired();
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.Xml).IsRequired();
        b.Property(d => d.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(d => d.RowVersion).IsRowVersion();
        b.Ignore(d => d.DomainEvents);
        b.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        // One published version per key: triggers never have to choose.
        b.HasIndex(d => d.Key).IsUnique().HasFilter("status = 'published'").HasDatabaseName("ix_workflow_definitions_key_published");
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.Property(i => i.DefinitionKey).HasMaxLength(200).IsRequired();
        b.Property(i => i.State).HasColumnType("jsonb").IsRequired();
        b.Property(i => i.RowVersion).IsRowVersion();
        b.HasOne<WorkflowDefinition>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Subscriptions).WithOne().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Timers).WithOne().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.NewJournalChunks).WithOne().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Subscriptions).HasField("_subscriptions");
        b.Navigation(i => i.Timers).HasField("_timers");
        b.Navigation(i => i.NewJournalChunks).HasField("_journal");
        b.HasIndex(i => i.DossierId);
        b.HasIndex(i => new { i.DefinitionKey, i.DefinitionVersion, i.Status });
        b.Ignore(i => i.DomainEvents);
    }
}

internal sealed class WorkflowSubscriptionConfiguration : IEntityTypeConfiguration<WorkflowSubscription>
{
    public void Configure(EntityTypeBuilder<WorkflowSubscription> b)
    {
        b.HasKey(s => s.WaitId);
        b.Property(s => s.EventType).HasMaxLength(200).IsRequired();
        b.Property(s => s.CorrelationKey).HasMaxLength(200);
        // A domain event finds the instances that wait for it by type and correlation key.
        b.HasIndex(s => new { s.EventType, s.CorrelationKey });
        b.HasIndex(s => s.InstanceId);
    }
}

internal sealed class WorkflowJournalChunkConfiguration : IEntityTypeConfiguration<WorkflowJournalChunk>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalChunk> b)
    {
        b.ToTable("workflow_journal");
        // Read in order per instance, written once: the key is the order.
        b.HasKey(j => new { j.InstanceId, j.Seq });
        b.Property(j => j.Entries).HasColumnType("jsonb").IsRequired();
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.HasKey(t => t.WaitId);
        b.Property(t => t.JobId).HasMaxLength(40);
        b.HasIndex(t => t.DueAt);
        b.HasIndex(t => t.InstanceId);
    }
}

internal sealed class WorkflowTimerStartConfiguration : IEntityTypeConfiguration<WorkflowTimerStart>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerStart> b)
    {
        b.Property(t => t.StartEventId).HasMaxLength(200).IsRequired();
        b.Property(t => t.JobId).HasMaxLength(40);
        b.HasOne<WorkflowDefinition>().WithMany().HasForeignKey(t => t.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        // One pending occurrence per timer start event of a version.
        b.HasIndex(t => new { t.DefinitionId, t.StartEventId }).IsUnique();
        b.HasIndex(t => t.DueAt);
        b.Ignore(t => t.DomainEvents);
    }
}
