-- Every report of every chronicle, for the checks that span reports: is this id a report here,
-- is it a duplicate, which days do the reports cover (an amendment may not narrow the period
-- past them). Kept by a subscribing handler in the appending transaction.
CREATE TABLE report_register (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    first_day    DATE         NOT NULL,
    last_day     DATE         NOT NULL,
    duplicate_of VARCHAR(100),
    CONSTRAINT report_register_pkey PRIMARY KEY (chronicle_id, report_id)
);
CREATE INDEX report_register_first_day ON report_register (chronicle_id, first_day);
CREATE INDEX report_register_last_day ON report_register (chronicle_id, last_day);
