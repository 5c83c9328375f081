-- One row per party per version of a dated report: the figures that casualties.day sums.
-- Bitemporal: recorded_at is when the version entered the chronicle, replaced_at when a later
-- version, a retraction or a duplicate mark took its place (NULL while it counts). Rows are
-- never deleted for a later event, so "as known at" an instant can be answered from them.
CREATE TABLE casualty_figure (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    party        VARCHAR(100) NOT NULL,
    on_day       DATE         NOT NULL,
    area         VARCHAR(100) NOT NULL,
    killed_low   BIGINT,
    killed_best  BIGINT,
    killed_high  BIGINT,
    wounded_low  BIGINT,
    wounded_best BIGINT,
    wounded_high BIGINT,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT casualty_figure_pkey PRIMARY KEY (chronicle_id, report_id, version, party)
);
CREATE INDEX casualty_figure_by_day ON casualty_figure (chronicle_id, on_day);
