using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Application.Skills;
using Workflow.Application.Tasks;
using Workflow.Application.Users;

namespace Workflow.Application.Persistence;

internal static class AddressMapping
{
    public static void MapAddress(this ComplexPropertyBuilder<Address> address)
    {
        address.Property(a => a.Text).HasMaxLength(500);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        b.Property(u => u.TimeZone).HasMaxLength(64).IsRequired();
        b.Property(u => u.Language).HasMaxLength(8);
        b.Property(u => u.Skills).HasColumnType("text[]");
        b.ComplexProperty(u => u.BaseAddress, a => a.MapAddress());
        // Matching experts asks "holds every required skill": a GIN index answers array containment.
        b.HasIndex(u => u.Skills).HasMethod("gin");
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.Property(d => d.Reference).HasMaxLength(64).IsRequired();
        b.HasIndex(d => d.Reference).IsUnique();
        b.Property(d => d.Title).HasMaxLength(300).IsRequired();
        b.Property(d => d.Kind).HasMaxLength(64).IsRequired();
        b.Property(d => d.RequiredSkills).HasColumnType("text[]");
        b.Property(d => d.Version).IsRowVersion();
        b.ComplexProperty(d => d.Address, a => a.MapAddress());
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.ReferentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Participants).HasField("_participants");
        b.HasIndex(d => d.ReferentId);
        b.HasIndex(d => d.CreatedAt);
        b.Ignore(d => d.DomainEvents);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.Property(p => p.Role).HasMaxLength(64).IsRequired();
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.ComplexProperty(p => p.Address, a => a.MapAddress());
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        // Visibility of confidential dossiers looks participants up by user.
        b.HasIndex(p => p.UserId);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.Name).HasMaxLength(200).IsRequired();
        b.ComplexProperty(l => l.Address, a => a.MapAddress());
    }
}

internal sealed class AvailabilityRangeConfiguration : IEntityTypeConfiguration<AvailabilityRange>
{
    public void Configure(EntityTypeBuilder<AvailabilityRange> b)
    {
        b.ToTable(t => t.HasCheckConstraint("ck_availability_ranges_period", "\"end\" > start"));
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Start, r.End });
        // Matching reads the ranges of a period across every expert.
        b.HasIndex(r => r.Start);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_appointments_period", "\"end\" IS NULL OR \"end\" > start");
            t.HasCheckConstraint("ck_appointments_planned_has_slot",
                "status = 'to-plan' OR status = 'cancelled' OR (main_user_id IS NOT NULL AND start IS NOT NULL AND \"end\" IS NOT NULL)");
        });
        b.Property(a => a.Title).HasMaxLength(300).IsRequired();
        b.Property(a => a.Comment).HasMaxLength(4000);
        b.Property(a => a.CancelReason).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.ComplexProperty(a => a.Place, a => a.MapAddress());
        b.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.MainUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Invitations).WithOne().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Parties).HasField("_parties");
        b.Navigation(a => a.Invitations).HasField("_invitations");
        // An agenda is read by main user and time.
        b.HasIndex(a => new { a.MainUserId, a.Start });
        b.HasIndex(a => a.DossierId);
        b.Ignore(a => a.DomainEvents);
        b.Ignore(a => a.InternalUserIds);
    }
}

internal sealed class AppointmentPartyConfiguration : IEntityTypeConfiguration<AppointmentParty>
{
    public void Configure(EntityTypeBuilder<AppointmentParty> b)
    {
        b.ToTable("appointment_parties", t => t.HasCheckConstraint("ck_appointment_parties_one_kind", "(participant_id IS NULL) <> (user_id IS NULL)"));
        b.Ignore(p => p.Kind);
        b.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.AppointmentId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Comment).HasMaxLength(1000);
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.AppointmentId, i.UserId }).IsUnique();
        // "My invitations" and the pending count read by user and status.
        b.HasIndex(i => new { i.UserId, i.Status });
        b.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InvitationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Answers).HasField("_answers");
    }
}

internal sealed class InvitationAnswerConfiguration : IEntityTypeConfiguration<InvitationAnswer>
{
    public void Configure(EntityTypeBuilder<InvitationAnswer> b)
    {
        b.ToTable("invitation_answers");
        b.Property(a => a.Comment).HasMaxLength(1000);
        b.HasIndex(a => a.InvitationId);
    }
}

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.ToTable("tasks");
        b.Property(t => t.Title).HasMaxLength(300).IsRequired();
        b.Property(t => t.Description).HasMaxLength(4000);
        b.Property(t => t.FormKey).HasMaxLength(100);
        b.Property(t => t.CandidateRole).HasMaxLength(32);
        b.Property(t => t.WorkflowElementId).HasMaxLength(200);
        b.Property(t => t.Data).HasColumnType("jsonb");
        b.Property(t => t.Version).IsRowVersion();
        b.HasOne<Dossier>().WithMany().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        // The inbox: by assignee and status, and by candidate role for unclaimed tasks.
        b.HasIndex(t => new { t.AssigneeId, t.Status });
        b.HasIndex(t => new { t.CandidateRole, t.Status });
        b.HasIndex(t => t.DossierId);
        b.Ignore(t => t.DomainEvents);
    }
}

internal sealed class ExternalBusyTimeConfiguration : IEntityTypeConfiguration<Calendars.ExternalBusyTime>
{
    public void Configure(EntityTypeBuilder<Calendars.ExternalBusyTime> b)
    {
        b.ToTable(t => t.HasCheckConstraint("ck_external_busy_times_period", "\"end\" > start"));
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Calendars.CalendarFeed>().WithMany().HasForeignKey(e => e.FeedId).OnDelete(DeleteBehavior.Cascade);
        // Agendas and matching read busy times by user and time.
        b.HasIndex(e => new { e.UserId, e.Start });
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<Notifications.OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<Notifications.OutgoingEmail> b)
    {
        b.Property(e => e.To).HasMaxLength(256).IsRequired();
        b.Property(e => e.ToName).HasMaxLength(200).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(500).IsRequired();
        b.Property(e => e.IcsMethod).HasMaxLength(16);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.HasOne<Appointment>().WithMany().HasForeignKey(e => e.AppointmentId).OnDelete(DeleteBehavior.SetNull);
        // The sender picks pending messages by due time.
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        b.HasIndex(e => e.AppointmentId);
        b.Ignore(e => e.DomainEvents);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<Calendars.CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Calendars.CalendarFeed> b)
    {
        b.Property(f => f.Url).HasMaxLength(2000).IsRequired();
        b.Property(f => f.Name).HasMaxLength(200).IsRequired();
        b.Property(f => f.LastError).HasMaxLength(1000);
        b.Property(f => f.LastWarning).HasMaxLength(1000);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.UserId);
        // The sync job takes the feeds read longest ago first.
        b.HasIndex(f => f.LastAttemptAt);
    }
}

internal sealed class PersonalFeedTokenConfiguration : IEntityTypeConfiguration<Calendars.PersonalFeedToken>
{
    public void Configure(EntityTypeBuilder<Calendars.PersonalFeedToken> b)
    {
        b.HasKey(t => t.UserId);
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeConfiguration : IEntityTypeConfiguration<Exchanges.Exchange>
{
    public void Configure(EntityTypeBuilder<Exchanges.Exchange> b)
    {
        b.Property(e => e.Title).HasMaxLength(300).IsRequired();
        b.Property(e => e.Notes).HasMaxLength(20_000).IsRequired();
        b.Property(e => e.Participants).HasColumnType("text[]");
        b.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(e => e.AppointmentId).OnDelete(DeleteBehavior.SetNull);
        // One exchange per appointment.
        b.HasIndex(e => e.AppointmentId).IsUnique();
        b.HasIndex(e => new { e.DossierId, e.OccurredAt });
        b.Ignore(e => e.DomainEvents);
    }
}

internal sealed class AppointmentDocumentConfiguration : IEntityTypeConfiguration<Documents.AppointmentDocument>
{
    public void Configure(EntityTypeBuilder<Documents.AppointmentDocument> b)
    {
        b.ToTable(t => t.HasCheckConstraint("ck_appointment_documents_size", "size > 0 AND size <= 10485760"));
        b.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        b.HasOne<Appointment>().WithMany().HasForeignKey(d => d.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.AppointmentId);
        b.Ignore(d => d.DomainEvents);
    }
}
