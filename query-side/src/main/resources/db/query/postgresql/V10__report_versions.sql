-- Every event on every report, with the report as it stood after it: its version, status and
-- effective content. The reports of a day are read from the row of each report that is current
-- (replaced_at IS NULL) or, for "as known at" and "as reported by", from the latest row known
-- and reported by then. It takes the place of report_summary, which held the current state only.
DROP TABLE report_summary;

CREATE TABLE report_version (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    type         VARCHAR(20)  NOT NULL,
    on_day       DATE,
    period_start DATE,
    period_end   DATE,
    area         VARCHAR(100) NOT NULL,
    content      TEXT         NOT NULL,
    search_text  TEXT         NOT NULL,
    first_recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT report_version_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX report_version_by_day ON report_version (chronicle_id, on_day);
CREATE INDEX report_version_by_period ON report_version (chronicle_id, period_end, period_start);
CREATE INDEX report_version_current ON report_version (chronicle_id, first_recorded_at) WHERE replaced_at IS NULL;
