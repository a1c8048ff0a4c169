-- An instance's journal leaves its state for rows of its own, one per step (the entries it appended, as
-- a JSON array, keyed by the position of the first): a step rewrites only what the instance is doing and
-- appends one row, however long the instance has run.
CREATE TABLE workflow_journal (
    instance_id uuid NOT NULL,
    seq integer NOT NULL,
    entries jsonb NOT NULL,
    CONSTRAINT pk_workflow_journal PRIMARY KEY (instance_id, seq),
    CONSTRAINT fk_workflow_journal_workflow_instances_instance_id FOREIGN KEY (instance_id) REFERENCES workflow_instances (id) ON DELETE CASCADE
);

ALTER TABLE workflow_instances ADD journal_length integer NOT NULL DEFAULT 0;

-- The journals written so far: each becomes the instance's first row, in its order.
INSERT INTO workflow_journal (instance_id, seq, entries)
SELECT id, 0, state->'journal'
FROM workflow_instances
WHERE jsonb_typeof(state->'journal') = 'array' AND jsonb_array_length(state->'journal') > 0;

UPDATE workflow_instances
SET journal_length = coalesce(jsonb_array_length(state->'journal'), 0),
    state = jsonb_set(state, '{journal}', '[]'::jsonb)
WHERE jsonb_typeof(state->'journal') = 'array';

ALTER TABLE workflow_instances ALTER COLUMN journal_length DROP DEFAULT;
