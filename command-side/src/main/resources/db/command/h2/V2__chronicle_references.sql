-- What the reports of a chronicle refer to: areas and sides, and the days they cover. An
-- amendment may not remove an id in use or narrow the period past a report.
CREATE TABLE chronicle_reference (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    kind         VARCHAR(10)  NOT NULL,
    ref          VARCHAR(100) NOT NULL,
    CONSTRAINT chronicle_reference_pkey PRIMARY KEY (chronicle_id, report_id, kind, ref)
);
CREATE INDEX chronicle_reference_by_ref ON chronicle_reference (chronicle_id, kind, ref);

CREATE TABLE chronicle_report_days (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    first_day    DATE         NOT NULL,
    last_day     DATE         NOT NULL,
    CONSTRAINT chronicle_report_days_pkey PRIMARY KEY (chronicle_id, report_id)
);
CREATE INDEX chronicle_report_days_first ON chronicle_report_days (chronicle_id, first_day);
CREATE INDEX chronicle_report_days_last ON chronicle_report_days (chronicle_id, last_day);
