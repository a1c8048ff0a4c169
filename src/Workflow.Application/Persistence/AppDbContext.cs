using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Application.Skills;
using Workflow.Application.Tasks;
using Workflow.Application.Users;

namespace Workflow.Application.Persistence;

public sealed class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        // Every command runs in one transaction that either commits whole or not at all (UnitOfWorkBehavior,
        // which sets this again on a pooled context), so a savepoint around each SaveChanges is two round trips
        // for nothing. The one place that goes on after a failed save, a workflow's service task, sets its own
        // savepoint (CommandRunner).
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Skill> Skills => Set<Skill>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<AvailabilityRange> AvailabilityRanges => Set<AvailabilityRange>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<WorkTask> Tasks => Set<WorkTask>();

    public DbSet<Calendars.ExternalBusyTime> ExternalBusyTimes => Set<Calendars.ExternalBusyTime>();

    public DbSet<Notifications.OutgoingEmail> OutgoingEmails => Set<Notifications.OutgoingEmail>();

    public DbSet<Calendars.CalendarFeed> CalendarFeeds => Set<Calendars.CalendarFeed>();

    public DbSet<Exchanges.Exchange> Exchanges => Set<Exchanges.Exchange>();

    public DbSet<Documents.AppointmentDocument> AppointmentDocuments => Set<Documents.AppointmentDocument>();

    public DbSet<Calendars.PersonalFeedToken> PersonalFeedTokens => Set<Calendars.PersonalFeedToken>();

    public DbSet<Workflows.WorkflowDefinition> WorkflowDefinitions => Set<Workflows.WorkflowDefinition>();

    public DbSet<Workflows.WorkflowInstance> WorkflowInstances => Set<Workflows.WorkflowInstance>();

    public DbSet<Workflows.WorkflowJournalChunk> WorkflowJournal => Set<Workflows.WorkflowJournalChunk>();

    public DbSet<Workflows.WorkflowSubscription> WorkflowSubscriptions => Set<Workflows.WorkflowSubscription>();

    public DbSet<Workflows.WorkflowTimer> WorkflowTimers => Set<Workflows.WorkflowTimer>();

    public DbSet<Workflows.WorkflowTimerStart> WorkflowTimerStarts => Set<Workflows.WorkflowTimerStart>();

    public async Task<long> NextDossierNumber(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>("SELECT nextval('dossier_reference_seq') AS \"Value\"").SingleAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("btree_gist");
        builder.HasSequence<long>("dossier_reference_seq");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Ids are made by the domain (version 7 GUIDs); EF must not take a child with an id for an existing row.
        foreach (var key in builder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).Where(k => k is { Properties: [{ ClrType: var t }] } && t == typeof(Guid)))
            key!.Properties[0].ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DossierStatus>().HaveConversion<KebabEnumConverter<DossierStatus>>().HaveMaxLength(32);
        builder.Properties<ParticipantKind>().HaveConversion<KebabEnumConverter<ParticipantKind>>().HaveMaxLength(32);
        builder.Properties<LocationKind>().HaveConversion<KebabEnumConverter<LocationKind>>().HaveMaxLength(32);
        builder.Properties<AppointmentStatus>().HaveConversion<KebabEnumConverter<AppointmentStatus>>().HaveMaxLength(32);
        builder.Properties<InvitationStatus>().HaveConversion<KebabEnumConverter<InvitationStatus>>().HaveMaxLength(32);
        builder.Properties<WorkTaskStatus>().HaveConversion<KebabEnumConverter<WorkTaskStatus>>().HaveMaxLength(32);
        builder.Properties<TaskOriginKind>().HaveConversion<KebabEnumConverter<TaskOriginKind>>().HaveMaxLength(32);
        builder.Properties<Notifications.EmailStatus>().HaveConversion<KebabEnumConverter<Notifications.EmailStatus>>().HaveMaxLength(32);
        builder.Properties<Calendars.FeedStatus>().HaveConversion<KebabEnumConverter<Calendars.FeedStatus>>().HaveMaxLength(32);
        builder.Properties<Workflows.DefinitionStatus>().HaveConversion<KebabEnumConverter<Workflows.DefinitionStatus>>().HaveMaxLength(32);
        builder.Properties<Workflow.Engine.State.InstanceStatus>().HaveConversion<KebabEnumConverter<Workflow.Engine.State.InstanceStatus>>().HaveMaxLength(32);
        builder.Properties<Notifications.EmailKind>().HaveConversion<KebabEnumConverter<Notifications.EmailKind>>().HaveMaxLength(32);
    }
}

public sealed class KebabEnumConverter<TEnum>() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TEnum, string>(
    v => Kebab.Of(v), s => Kebab.Parse<TEnum>(s))
    where TEnum : struct, Enum;
