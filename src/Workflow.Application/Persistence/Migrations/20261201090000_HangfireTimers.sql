-- Background jobs move from Quartz to Hangfire. Hangfire.PostgreSql keeps its jobs in a schema of its own,
-- "hangfire", which it installs and upgrades itself (see docs/operations.md); Quartz's tables go.
DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks, qrtz_simple_triggers,
    qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars;

-- The Hangfire job that fires a timer, so that clearing the timer deletes it.
ALTER TABLE workflow_timers ADD COLUMN job_id character varying(40);

-- The next occurrence of each published version's timer start event (Quartz kept them as triggers). The
-- versions published before this migration get theirs back from the first sweep, counted from their publication.
CREATE TABLE workflow_timer_starts (
    id uuid NOT NULL,
    definition_id uuid NOT NULL,
    start_event_id character varying(200) NOT NULL,
    due_at timestamp with time zone NOT NULL,
    remaining integer,
    job_id character varying(40),
    CONSTRAINT pk_workflow_timer_starts PRIMARY KEY (id),
    CONSTRAINT fk_workflow_timer_starts_workflow_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES workflow_definitions (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_workflow_timer_starts_definition_id_start_event_id ON workflow_timer_starts (definition_id, start_event_id);
CREATE INDEX ix_workflow_timer_starts_due_at ON workflow_timer_starts (due_at);
