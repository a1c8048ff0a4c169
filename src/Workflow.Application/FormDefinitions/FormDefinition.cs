using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Application.Persistence;
using Workflow.Application.Users;

namespace Workflow.Application.FormDefinitions;

/// <summary>
/// One version of a Form.io form. Versions are immutable: a task pins the version it was
/// created with and its submission is validated against that version, so changing a form
/// never breaks open tasks or old submissions.
/// </summary>
public sealed class FormDefinition
{
    private FormDefinition() { }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The Form.io schema, as imported.</summary>
    public string Schema { get; private set; } = "{}";

    /// <summary>SHA-256 of the schema's compact JSON: importing the same content again creates nothing.</summary>
    public string ContentHash { get; private set; } = "";

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static FormDefinition Create(string key, int version, JsonObject schema, Guid? createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Key = key,
        Version = version,
        Title = schema["title"] is JsonValue t && t.TryGetValue<string>(out var title) && title.Length > 0 ? title[..Math.Min(title.Length, 300)] : key,
        Schema = schema.ToJsonString(),
        ContentHash = Hash(schema),
        CreatedById = createdBy,
        CreatedAt = now,
    };

    public static string Hash(JsonObject schema) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema.ToJsonString())));
}

internal sealed class FormDefinitionConfiguration : IEntityTypeConfiguration<FormDefinition>
{
    public void Configure(EntityTypeBuilder<FormDefinition> b)
    {
        b.ToTable("form_definitions", t => t.HasCheckConstraint("ck_form_definitions_version", "version > 0"));
        b.Property(f => f.Key).HasMaxLength(100).IsRequired();
        b.Property(f => f.Title).HasMaxLength(300).IsRequired();
        b.Property(f => f.Schema).HasColumnType("jsonb").IsRequired();
        b.Property(f => f.ContentHash).HasMaxLength(64).IsRequired();
        // (key, version) is the alternate key submissions refer to; unique, so of two imports racing for the same next version the database keeps one.
        b.HasAlternateKey(f => new { f.Key, f.Version });
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal static class FormSets
{
    public static DbSet<FormDefinition> FormDefinitions(this AppDbContext db) => db.Set<FormDefinition>();

    public static DbSet<TaskFormDraft> TaskFormDrafts(this AppDbContext db) => db.Set<TaskFormDraft>();

    public static DbSet<FormSubmission> FormSubmissions(this AppDbContext db) => db.Set<FormSubmission>();
}
