-- What the reports of a chronicle refer to: areas and sides. An amendment may not remove an id
-- that a report uses.
CREATE TABLE chronicle_reference (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    kind         VARCHAR(10)  NOT NULL,
    ref          VARCHAR(100) NOT NULL,
    CONSTRAINT chronicle_reference_pkey PRIMARY KEY (chronicle_id, report_id, kind, ref)
);
CREATE INDEX chronicle_reference_by_ref ON chronicle_reference (chronicle_id, kind, ref);
