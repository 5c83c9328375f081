-- One row per version of a dated CLASH report: a clash on a day in an area makes its control,
-- and that of the areas below it, contested that day (counting rule 4).
CREATE TABLE clash_day (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    area         VARCHAR(100) NOT NULL,
    on_day       DATE         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT clash_day_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX clash_day_by_day ON clash_day (chronicle_id, on_day);
