-- Busy times read from users' external calendars (Outlook, Google, iCalendar feeds).
CREATE TABLE external_busy_times (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    feed_id uuid,
    start timestamp with time zone NOT NULL,
    "end" timestamp with time zone NOT NULL,
    CONSTRAINT pk_external_busy_times PRIMARY KEY (id),
    CONSTRAINT ck_external_busy_times_period CHECK ("end" > start),
    CONSTRAINT fk_external_busy_times_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_external_busy_times_user_id_start ON external_busy_times (user_id, start);
