-- One row per party per dated report version: the figures that casualties.day sums.
-- recorded_at keeps when the version entered the chronicle, for the asKnownAt axis.
CREATE TABLE casualty_figure (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    party        VARCHAR(100) NOT NULL,
    on_day       DATE         NOT NULL,
    killed_low   BIGINT,
    killed_best  BIGINT,
    killed_high  BIGINT,
    wounded_low  BIGINT,
    wounded_best BIGINT,
    wounded_high BIGINT,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT casualty_figure_pkey PRIMARY KEY (chronicle_id, report_id, version, party)
);
CREATE INDEX casualty_figure_by_day ON casualty_figure (chronicle_id, on_day);
