-- One row per version of a dated CONTROL_CHANGE report: which side took which area, and how
-- much of it (counting rule 4). first_position is where the report was first recorded: on the
-- same date, the report first recorded last wins. Bitemporal like casualty_figure.
CREATE TABLE control_change (
    chronicle_id   VARCHAR(100) NOT NULL,
    report_id      VARCHAR(100) NOT NULL,
    version        INTEGER      NOT NULL,
    area           VARCHAR(100) NOT NULL,
    on_day         DATE         NOT NULL,
    to_side        VARCHAR(100) NOT NULL,
    extent         VARCHAR(10)  NOT NULL,
    first_position BIGINT       NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT control_change_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX control_change_by_day ON control_change (chronicle_id, on_day);
