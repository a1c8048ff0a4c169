-- Workflow definitions (immutable versions, one published per key), instances with the engine's state,
-- and the rows derived from each state that route domain events and due timers to their instances.
CREATE TABLE workflow_definitions (
    id uuid NOT NULL,
    key character varying(200) NOT NULL,
    version integer NOT NULL,
    name character varying(300),
    xml text NOT NULL,
    content_hash character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    created_by_id uuid,
    created_at timestamp with time zone NOT NULL,
    published_by_id uuid,
    published_at timestamp with time zone,
    unpublished_by_id uuid,
    unpublished_at timestamp with time zone,
    reverted_from integer,
    CONSTRAINT pk_workflow_definitions PRIMARY KEY (id)
);
CREATE TABLE workflow_instances (
    id uuid NOT NULL,
    definition_id uuid NOT NULL,
    definition_key character varying(200) NOT NULL,
    definition_version integer NOT NULL,
    dossier_id uuid,
    status character varying(32) NOT NULL,
    state jsonb NOT NULL,
    open_incidents integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT pk_workflow_instances PRIMARY KEY (id),
    CONSTRAINT fk_workflow_instances_dossiers_dossier_id FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_workflow_instances_workflow_definitions_definition_id FOREIGN KEY (definition_id) REFERENCES workflow_definitions (id) ON DELETE RESTRICT
);
CREATE TABLE workflow_subscriptions (
    wait_id uuid NOT NULL,
    instance_id uuid NOT NULL,
    event_type character varying(200) NOT NULL,
    correlation_key character varying(200),
    CONSTRAINT pk_workflow_subscriptions PRIMARY KEY (wait_id),
    CONSTRAINT fk_workflow_subscriptions_workflow_instances_instance_id FOREIGN KEY (instance_id) REFERENCES workflow_instances (id) ON DELETE CASCADE
);
CREATE TABLE workflow_timers (
    wait_id uuid NOT NULL,
    instance_id uuid NOT NULL,
    due_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_workflow_timers PRIMARY KEY (wait_id),
    CONSTRAINT fk_workflow_timers_workflow_instances_instance_id FOREIGN KEY (instance_id) REFERENCES workflow_instances (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_workflow_definitions_key ON workflow_definitions (key) WHERE status = 'published';
CREATE UNIQUE INDEX ix_workflow_definitions_key_version ON workflow_definitions (key, version);
CREATE INDEX ix_workflow_instances_definition_id ON workflow_instances (definition_id);
CREATE INDEX ix_workflow_instances_definition_key_definition_version_status ON workflow_instances (definition_key, definition_version, status);
CREATE INDEX ix_workflow_instances_dossier_id ON workflow_instances (dossier_id);
CREATE INDEX ix_workflow_subscriptions_event_type_correlation_key ON workflow_subscriptions (event_type, correlation_key);
CREATE INDEX ix_workflow_subscriptions_instance_id ON workflow_subscriptions (instance_id);
CREATE INDEX ix_workflow_timers_due_at ON workflow_timers (due_at);
CREATE INDEX ix_workflow_timers_instance_id ON workflow_timers (instance_id);

-- The actor the workflows' service tasks run as. It holds no password and no role in the database:
-- it cannot sign in; the application gives it its rights in memory.
INSERT INTO users (id, full_name, skills, time_zone, user_name, normalized_user_name, email_confirmed, security_stamp, concurrency_stamp,
    phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count)
VALUES ('019a0000-0000-7000-8000-0000000000ff', 'Workflow engine', '{}', 'UTC', 'workflow-engine', 'WORKFLOW-ENGINE', false,
    '019a0000-0000-7000-8000-0000000000ff', '019a0000-0000-7000-8000-0000000000ff', false, false, '9999-12-31T00:00:00Z', true, 0);
