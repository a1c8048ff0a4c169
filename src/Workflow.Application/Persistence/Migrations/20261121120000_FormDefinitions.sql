-- Versioned Form.io definitions, the drafts of task forms and the accepted submissions with the version they were validated against.
CREATE TABLE form_definitions (
    id uuid NOT NULL,
    key character varying(100) NOT NULL,
    version integer NOT NULL,
    title character varying(300) NOT NULL,
    schema jsonb NOT NULL,
    content_hash character varying(64) NOT NULL,
    created_by_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_form_definitions PRIMARY KEY (id),
    CONSTRAINT ak_form_definitions_key_version UNIQUE (key, version),
    CONSTRAINT ck_form_definitions_version CHECK (version > 0),
    CONSTRAINT fk_form_definitions_users_created_by_id FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE form_submissions (
    id uuid NOT NULL,
    task_id uuid NOT NULL,
    form_key character varying(100) NOT NULL,
    form_version integer NOT NULL,
    data jsonb NOT NULL,
    submitted_by_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_form_submissions PRIMARY KEY (id),
    CONSTRAINT fk_form_submissions_form_definitions_form_key_form_version FOREIGN KEY (form_key, form_version) REFERENCES form_definitions (key, version) ON DELETE RESTRICT,
    CONSTRAINT fk_form_submissions_tasks_task_id FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_form_submissions_users_submitted_by_id FOREIGN KEY (submitted_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE task_form_drafts (
    task_id uuid NOT NULL,
    data jsonb NOT NULL,
    saved_by_id uuid NOT NULL,
    saved_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_task_form_drafts PRIMARY KEY (task_id),
    CONSTRAINT fk_task_form_drafts_tasks_task_id FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_form_drafts_users_saved_by_id FOREIGN KEY (saved_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_form_definitions_created_by_id ON form_definitions (created_by_id);
CREATE INDEX ix_form_submissions_form_key_form_version ON form_submissions (form_key, form_version);
CREATE INDEX ix_form_submissions_submitted_by_id ON form_submissions (submitted_by_id);
CREATE UNIQUE INDEX ix_form_submissions_task_id ON form_submissions (task_id);
CREATE INDEX ix_task_form_drafts_saved_by_id ON task_form_drafts (saved_by_id);
