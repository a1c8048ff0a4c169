-- An instance's journal leaves its state for rows of its own: a step rewrites only what the instance is doing.
CREATE TABLE workflow_journal (
    instance_id uuid NOT NULL,
    seq integer NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(32) NOT NULL,
    element_id character varying(200),
    actor character varying(200),
    message text,
    variables jsonb,
    CONSTRAINT pk_workflow_journal PRIMARY KEY (instance_id, seq),
    CONSTRAINT fk_workflow_journal_workflow_instances_instance_id FOREIGN KEY (instance_id) REFERENCES workflow_instances (id) ON DELETE CASCADE
);

ALTER TABLE workflow_instances ADD journal_length integer NOT NULL DEFAULT 0;

-- The journals written so far, in their order (the state's JSON and the rows use the same kebab-case kinds).
INSERT INTO workflow_journal (instance_id, seq, at, kind, element_id, actor, message, variables)
SELECT i.id, (e.ordinality - 1)::integer, (e.entry->>'at')::timestamptz, e.entry->>'kind', left(e.entry->>'elementId', 200),
       left(e.entry->>'actor', 200), e.entry->>'message', e.entry->'variables'
FROM workflow_instances AS i
CROSS JOIN LATERAL jsonb_array_elements(coalesce(i.state->'journal', '[]'::jsonb)) WITH ORDINALITY AS e(entry, ordinality);

UPDATE workflow_instances
SET journal_length = coalesce(jsonb_array_length(state->'journal'), 0),
    state = jsonb_set(state, '{journal}', '[]'::jsonb)
WHERE state ? 'journal';

ALTER TABLE workflow_instances ALTER COLUMN journal_length DROP DEFAULT;
