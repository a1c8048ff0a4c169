using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workflow.Application.Persistence.Migrations;

// The SQL history, closed: what every database runs before 20261201100000_Baseline (MigrationScripts).
// Add no migration here; `dotnet ef migrations add` makes the next one (docs/operations.md).

[DbContext(typeof(AppDbContext))]
[Migration("20261121050000_Initial")]
public sealed class Initial : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121060000_ExternalBusyTimes")]
public sealed class ExternalBusyTimes : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121070000_OutgoingEmails")]
public sealed class OutgoingEmails : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121080000_CalendarFeedsAndReminders")]
public sealed class CalendarFeedsAndReminders : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121090000_QuartzJobStore")]
public sealed class QuartzJobStore : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121095000_ExchangesAndDocuments")]
public sealed class ExchangesAndDocuments : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121100000_Workflows")]
public sealed class Workflows : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121113000_RangesByTime")]
public sealed class RangesByTime : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121120000_FormDefinitions")]
public sealed class FormDefinitions : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261121140000_WorkflowJournal")]
public sealed class WorkflowJournal : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261129170000_UserLanguage")]
public sealed class UserLanguage : SqlMigration;

[DbContext(typeof(AppDbContext))]
[Migration("20261201090000_HangfireTimers")]
public sealed class HangfireTimers : SqlMigration;
