-- What the last reading of an external calendar had to guess (a time zone nothing defined, read in the owner's zone).
ALTER TABLE calendar_feeds ADD COLUMN last_warning character varying(1000);
