-- Each report as it stands: its current version, status and content, for the reports of a day
-- and the period claims over it. Retracted and duplicate reports stay listed, with their status.
CREATE TABLE report_summary (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    type         VARCHAR(20)  NOT NULL,
    on_day       DATE,
    period_start DATE,
    period_end   DATE,
    area         VARCHAR(100) NOT NULL,
    content      TEXT         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_summary_pkey PRIMARY KEY (chronicle_id, report_id)
);
CREATE INDEX report_summary_by_day ON report_summary (chronicle_id, on_day);
CREATE INDEX report_summary_by_period ON report_summary (chronicle_id, period_end, period_start);
