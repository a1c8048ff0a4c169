-- External calendar feeds, the personal feed tokens, and the reminder mark on appointments.
CREATE TABLE calendar_feeds (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    url character varying(2000) NOT NULL,
    name character varying(200) NOT NULL,
    status character varying(32) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_attempt_at timestamp with time zone,
    last_success_at timestamp with time zone,
    last_error character varying(1000),
    busy_count integer NOT NULL,
    CONSTRAINT pk_calendar_feeds PRIMARY KEY (id),
    CONSTRAINT fk_calendar_feeds_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_calendar_feeds_last_attempt_at ON calendar_feeds (last_attempt_at);
CREATE INDEX ix_calendar_feeds_user_id ON calendar_feeds (user_id);

CREATE TABLE personal_feed_tokens (
    user_id uuid NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_personal_feed_tokens PRIMARY KEY (user_id),
    CONSTRAINT fk_personal_feed_tokens_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_personal_feed_tokens_token_hash ON personal_feed_tokens (token_hash);

ALTER TABLE external_busy_times ADD CONSTRAINT fk_external_busy_times_calendar_feeds_feed_id
    FOREIGN KEY (feed_id) REFERENCES calendar_feeds (id) ON DELETE CASCADE;
CREATE INDEX ix_external_busy_times_feed_id ON external_busy_times (feed_id);

ALTER TABLE appointments ADD COLUMN reminder_sent_at timestamp with time zone;
