using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Application.Tasks;
using Workflow.Application.Users;

namespace Workflow.Application.FormDefinitions;

/// <summary>What someone has filled in so far on a task's form; not validated, replaced at each save.</summary>
public sealed class TaskFormDraft
{
    private TaskFormDraft() { }

    public Guid TaskId { get; private set; }

    public string Data { get; private set; } = "{}";

    public Guid SavedById { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    internal static TaskFormDraft Create(Guid taskId) => new() { TaskId = taskId };

    internal void Save(string data, Guid by, DateTimeOffset now)
    {
        Data = data;
        SavedById = by;
        SavedAt = now;
    }
}

/// <summary>An accepted submission: the data as kept after validation and the form version it was validated against.</summary>
public sealed class FormSubmission
{
    private FormSubmission() { }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public string FormKey { get; private set; } = "";

    public int FormVersion { get; private set; }

    public string Data { get; private set; } = "{}";

    public Guid SubmittedById { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    internal static FormSubmission Create(Guid taskId, string formKey, int formVersion, string data, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TaskId = taskId,
        FormKey = formKey,
        FormVersion = formVersion,
        Data = data,
        SubmittedById = by,
        SubmittedAt = now,
    };
}

internal sealed class TaskFormDraftConfiguration : IEntityTypeConfiguration<TaskFormDraft>
{
    public void Configure(EntityTypeBuilder<TaskFormDraft> b)
    {
        b.ToTable("task_form_drafts");
        b.HasKey(d => d.TaskId);
        b.Property(d => d.Data).HasColumnType("jsonb").IsRequired();
        b.HasOne<WorkTask>().WithMany().HasForeignKey(d => d.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.SavedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("form_submissions");
        b.Property(s => s.FormKey).HasMaxLength(100).IsRequired();
        b.Property(s => s.Data).HasColumnType("jsonb").IsRequired();
        // One accepted submission per task: a task completes once.
        b.HasIndex(s => s.TaskId).IsUnique();
        b.HasIndex(s => new { s.FormKey, s.FormVersion });
        b.HasOne<WorkTask>().WithMany().HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FormDefinition>().WithMany().HasForeignKey(s => new { s.FormKey, s.FormVersion }).HasPrincipalKey(f => new { f.Key, f.Version })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
