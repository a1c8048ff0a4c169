-- What happened at an appointment (exchanges), and the files attached to appointments.
CREATE TABLE appointment_documents (
    id uuid NOT NULL,
    appointment_id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    content bytea NOT NULL,
    uploaded_by_id uuid NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_appointment_documents PRIMARY KEY (id),
    CONSTRAINT ck_appointment_documents_size CHECK (size > 0 AND size <= 10485760),
    CONSTRAINT fk_appointment_documents_appointments_appointment_id FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
);
CREATE INDEX ix_appointment_documents_appointment_id ON appointment_documents (appointment_id);

CREATE TABLE exchanges (
    id uuid NOT NULL,
    dossier_id uuid NOT NULL,
    appointment_id uuid,
    occurred_at timestamp with time zone NOT NULL,
    title character varying(300) NOT NULL,
    notes character varying(20000) NOT NULL,
    participants text[] NOT NULL,
    created_by_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_exchanges PRIMARY KEY (id),
    CONSTRAINT fk_exchanges_appointments_appointment_id FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE SET NULL,
    CONSTRAINT fk_exchanges_dossiers_dossier_id FOREIGN KEY (dossier_id) REFERENCES dossiers (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_exchanges_appointment_id ON exchanges (appointment_id);
CREATE INDEX ix_exchanges_dossier_id_occurred_at ON exchanges (dossier_id, occurred_at);
