-- Matching looks for the ranges of a period across all experts: it needs them by time, not by user.
CREATE INDEX ix_availability_ranges_start ON availability_ranges (start);
