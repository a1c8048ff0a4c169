namespace Workflow.Application.Common;

/// <summary>
/// The error vocabulary: every machine-readable <c>reason</c> a problem answer can carry, with its status and what
/// it means. Routes name the reasons they can answer (the web host's <c>Refuses</c>), the OpenAPI document lists them
/// per operation and status, and a test keeps this table and the reasons thrown in the code equal.
/// </summary>
public static class Reasons
{
    public sealed record Reason(string Name, int Status, string Meaning);

    public static readonly IReadOnlyDictionary<string, Reason> All = new Reason[]
    {
        // 401: who you are is not established.
        new("wrong-credentials", 401, "the e-mail or the password is wrong"),
        new("locked-out", 401, "too many failed sign-ins: the account is locked for a few minutes"),
        new("session-ended", 401, "the refresh token is invalid or expired, or its session ended (sign-out, password or role change)"),

        // 403: known, but not allowed to do this to this object.
        new("not-authenticated", 403, "the action needs a signed-in user"),
        new("not-owner", 403, "only the user (or a planner or admin) manages these ranges or calendars"),
        new("not-organiser", 403, "only a planner, an admin, the main user or the creator changes this appointment"),
        new("not-on-dossier", 403, "an expert plans only on a dossier they are the referent or a participant of"),
        new("not-own-agenda", 403, "an expert plans only in their own agenda"),
        new("not-invitee", 403, "only the invitee answers an invitation"),
        new("not-assignee", 403, "only the assignee, or a holder of the candidate role for an unclaimed task, fills in its form"),
        new("not-candidate", 403, "the task is offered to a role the caller does not have"),
        new("not-holder", 403, "only who holds the task, or an admin, releases it"),

        // 409: in conflict with the current state; may succeed once the state changes.
        new("overlap", 409, "overlaps a planned appointment or an availability range of the same user"),
        new("outside-availability", 409, "the slot is outside the main user's availability ranges"),
        new("busy-elsewhere", 409, "the main user is busy at that time in their own calendar"),
        new("duplicate", 409, "the same thing exists already (e-mail, reference, code, participant, exchange)"),
        new("concurrent-update", 409, "someone else changed the record at the same time; reload it and try again"),
        new("illegal-status-change", 409, "the object's status does not allow this move"),
        new("dossier-closed", 409, "the dossier is closed"),
        new("not-started", 409, "an appointment is marked done only once it has begun"),
        new("not-done", 409, "only a done appointment becomes an exchange"),
        new("appointment-not-planned", 409, "only a planned appointment is answered"),
        new("already-assigned", 409, "the task is assigned to someone else"),
        new("not-held", 409, "nobody holds the task"),
        new("appointments-outside", 409, "the move would leave planned appointments outside the range"),
        new("too-many-feeds", 409, "a user keeps at most 10 external calendars"),
        new("too-many-documents", 409, "an appointment holds at most 50 documents"),
        new("already-published", 409, "this version is published already"),
        new("not-published", 409, "this version is not published"),
        new("not-running", 409, "the workflow instance is not running"),
        new("unreadable-definition", 409, "the stored definition cannot be read any more"),
        new("event-loop", 409, "domain events kept raising new ones: the change is refused"),
        // The engine's refusals of a move on an instance (Workflow.Engine's WorkflowException).
        new("wrong-definition", 409, "the instance runs another process"),
        new("definition-mismatch", 409, "the instance does not fit this definition"),
        new("unknown-start", 409, "the named start event is not a start event of the process"),
        new("ambiguous-start", 409, "the process needs exactly one plain start event to be started without naming one"),
        new("cannot-skip", 409, "only a task can be skipped"),
        new("unknown-wait", 409, "the instance does not wait there"),
        new("wrong-wait-kind", 409, "the instance waits there for something else"),
        new("unknown-incident", 409, "the instance has no such incident"),
        new("unknown-element", 409, "an element is not in the definition"),

        // 422: can never succeed as sent.
        new("unknown-reference", 422, "a referenced record does not exist"),
        new("not-entitled", 422, "on a confidential dossier, the main user and every invitee must take part in it"),
        new("not-an-expert", 422, "the user does not have the expert role"),
        new("invalid-period", 422, "a period ends after it starts"),
        new("too-long", 422, "an appointment lasts at most 24 hours"),
        new("invalid-answer", 422, "answer accepted, declined or tentative"),
        new("user-required", 422, "an internal-user participant names the user"),
        new("user-not-allowed", 422, "only internal-user participants name a user"),
        new("nobody-to-do-it", 422, "a task names an assignee, a candidate role, or both"),
        new("no-form", 422, "the task has no form"),
        new("form-required", 422, "the task carries a form: submit it instead"),
        new("malformed-form", 422, "the Form.io schema cannot be imported (with the component's path and the problem)"),
        new("invalid-submission", 422, "the form's data is refused (with one error per field)"),
        new("invalid-definition", 422, "the BPMN definition is refused (with one error per element)"),
        new("migration-invalid", 422, "the migration is refused (with one error per problem); no instance moved"),

        // 429
        new("rate-limited", 429, "too many sign-ins from this address: wait for Retry-After seconds"),
    }.ToDictionary(r => r.Name);

    /// <summary>The engine's refusals, answered by whatever moves an instance (start, cancel, retry, skip, migrate).</summary>
    public static readonly string[] Engine =
        ["wrong-definition", "definition-mismatch", "unknown-start", "ambiguous-start", "cannot-skip", "unknown-wait", "wrong-wait-kind", "unknown-incident", "unknown-element", "not-running"];

    /// <summary>What any change can meet in the database or the unit of work.</summary>
    public static readonly string[] AnyChange = ["concurrent-update", "duplicate", "unknown-reference", "event-loop"];
}
