-- E-mails written in the same transaction as the appointment change they report, sent by a background loop.
CREATE TABLE outgoing_emails (
    id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    appointment_id uuid,
    "to" character varying(256) NOT NULL,
    to_name character varying(200) NOT NULL,
    subject character varying(500) NOT NULL,
    text_body text NOT NULL,
    ics text,
    ics_method character varying(16),
    status character varying(32) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone,
    sent_at timestamp with time zone,
    last_error character varying(1000),
    CONSTRAINT pk_outgoing_emails PRIMARY KEY (id),
    CONSTRAINT fk_outgoing_emails_appointments_appointment_id FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE SET NULL
);

CREATE INDEX ix_outgoing_emails_appointment_id ON outgoing_emails (appointment_id);
CREATE INDEX ix_outgoing_emails_status_next_attempt_at ON outgoing_emails (status, next_attempt_at);
