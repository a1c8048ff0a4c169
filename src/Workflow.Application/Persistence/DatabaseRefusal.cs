using Npgsql;
using Workflow.Application.Common;

namespace Workflow.Application.Persistence;

/// <summary>Turns what PostgreSQL refuses into the same reasons the code gives, so the client sees one vocabulary.</summary>
public static class DatabaseRefusal
{
    public static DomainException? Translate(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.ExclusionViolation when pg.ConstraintName == Constraints.AppointmentOverlap =>
            new DomainException("overlap", "The main user already has a planned appointment at that time."),
        PostgresErrorCodes.ExclusionViolation when pg.ConstraintName == Constraints.AvailabilityOverlap =>
            new DomainException("overlap", "The user already has an availability range at that time."),
        PostgresErrorCodes.ExclusionViolation =>
            new DomainException("overlap", $"Overlaps an existing record ({pg.ConstraintName})."),
        PostgresErrorCodes.UniqueViolation =>
            new DomainException("duplicate", $"A record with the same {Constraints.Describe(pg.ConstraintName)} already exists."),
        PostgresErrorCodes.ForeignKeyViolation =>
            new DomainException("unknown-reference", $"A referenced record does not exist ({pg.ConstraintName}).", unprocessable: true),
        _ => null,
    };
}

public static class Constraints
{
    public const string AppointmentOverlap = "ex_appointments_main_user_no_overlap";
    public const string AvailabilityOverlap = "ex_availability_ranges_user_no_overlap";

    public static string Describe(string? constraint) => constraint switch
    {
        "ix_dossiers_reference" => "reference",
        "ix_skills_code" or "pk_skills" => "skill code",
        "ix_users_normalized_email" or "UserNameIndex" or "EmailIndex" => "e-mail",
        _ => constraint ?? "key",
    };
}
