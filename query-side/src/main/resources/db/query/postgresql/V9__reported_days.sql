-- The second time axis, "as reported by": the day from which each version counts in the news
-- (the earliest publication day of its sources, or the day it was recorded when none is dated),
-- kept on every versioned row beside the instant it was recorded.
--
-- Beside the rows, each projection keeps every event on every report with its instant and its
-- day: a version counts "as known at" T and "as reported by" D while no later event on the same
-- report is known at T and reported by D. A retraction adds no row of figures but does end
-- the version before it, so it has to be kept somewhere the reads can see.
--
-- The rows written before this migration lack the day, so the projections start over from the
-- event store: their rows and tokens are removed and the processors replay every event.
DELETE FROM casualty_figure;
DELETE FROM period_claim;
DELETE FROM control_change;
DELETE FROM clash_day;
DELETE FROM report_origin;
DELETE FROM report_summary;
DELETE FROM chronicle_directory;
DELETE FROM token_entry;

ALTER TABLE casualty_figure ADD COLUMN reported_on DATE NOT NULL;
ALTER TABLE period_claim ADD COLUMN reported_on DATE NOT NULL;
ALTER TABLE control_change ADD COLUMN reported_on DATE NOT NULL;
ALTER TABLE clash_day ADD COLUMN reported_on DATE NOT NULL;

CREATE TABLE casualty_report_event (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    CONSTRAINT casualty_report_event_pkey PRIMARY KEY (chronicle_id, report_id, version)
);

CREATE TABLE control_report_event (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    CONSTRAINT control_report_event_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
