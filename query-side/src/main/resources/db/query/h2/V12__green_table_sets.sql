-- Blue/green: every projection has a second set of tables, named with the suffix _green, and a
-- row saying which set readers use. A rebuild replays the event store into the set readers do not
-- use, then switches them over, so a reader always gets a complete answer. The first set keeps
-- the plain names; both start blue.
CREATE TABLE projection_set (
    projection   VARCHAR(100) NOT NULL PRIMARY KEY,
    active       VARCHAR(10)  NOT NULL,
    rebuilding   VARCHAR(10),
    rebuild_head BIGINT
);
INSERT INTO projection_set (projection, active) VALUES ('chronicles', 'BLUE');
INSERT INTO projection_set (projection, active) VALUES ('casualties', 'BLUE');
INSERT INTO projection_set (projection, active) VALUES ('control', 'BLUE');
INSERT INTO projection_set (projection, active) VALUES ('reports', 'BLUE');


CREATE TABLE chronicle_directory_green (
    chronicle_id VARCHAR(100) NOT NULL,
    definition   CLOB         NOT NULL,
    version      BIGINT       NOT NULL,
    amended_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chronicle_directory_green_pkey PRIMARY KEY (chronicle_id)
);

CREATE TABLE chronicle_version_green (
    chronicle_id VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    definition   CLOB         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chronicle_version_green_pkey PRIMARY KEY (chronicle_id, version)
);

CREATE TABLE casualty_figure_green (
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
    reported_on  DATE         NOT NULL,
    CONSTRAINT casualty_figure_green_pkey PRIMARY KEY (chronicle_id, report_id, version, party)
);
CREATE INDEX casualty_figure_green_by_day ON casualty_figure_green (chronicle_id, on_day);

CREATE TABLE period_claim_green (
    chronicle_id      VARCHAR(100) NOT NULL,
    report_id         VARCHAR(100) NOT NULL,
    version           INTEGER      NOT NULL,
    party             VARCHAR(100) NOT NULL,
    period_start      DATE         NOT NULL,
    period_end        DATE         NOT NULL,
    area              VARCHAR(100) NOT NULL,
    killed_low        BIGINT,
    killed_best       BIGINT,
    killed_high       BIGINT,
    wounded_low       BIGINT,
    wounded_best      BIGINT,
    wounded_high      BIGINT,
    recorded_position BIGINT       NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at       TIMESTAMP WITH TIME ZONE,
    reported_on       DATE         NOT NULL,
    CONSTRAINT period_claim_green_pkey PRIMARY KEY (chronicle_id, report_id, version, party)
);
CREATE INDEX period_claim_green_by_end ON period_claim_green (chronicle_id, period_end);

CREATE TABLE casualty_report_event_green (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    CONSTRAINT casualty_report_event_green_pkey PRIMARY KEY (chronicle_id, report_id, version)
);

CREATE TABLE control_change_green (
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
    reported_on    DATE         NOT NULL,
    CONSTRAINT control_change_green_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX control_change_green_by_day ON control_change_green (chronicle_id, on_day);

CREATE TABLE clash_day_green (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    area         VARCHAR(100) NOT NULL,
    on_day       DATE         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE,
    reported_on  DATE         NOT NULL,
    CONSTRAINT clash_day_green_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX clash_day_green_by_day ON clash_day_green (chronicle_id, on_day);

CREATE TABLE report_origin_green (
    chronicle_id   VARCHAR(100) NOT NULL,
    report_id      VARCHAR(100) NOT NULL,
    first_position BIGINT       NOT NULL,
    CONSTRAINT report_origin_green_pkey PRIMARY KEY (chronicle_id, report_id)
);

CREATE TABLE control_report_event_green (
    chronicle_id VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    CONSTRAINT control_report_event_green_pkey PRIMARY KEY (chronicle_id, report_id, version)
);

CREATE TABLE report_version_green (
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
    content      CLOB         NOT NULL,
    search_text  CLOB         NOT NULL,
    first_recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_on  DATE         NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT report_version_green_pkey PRIMARY KEY (chronicle_id, report_id, version)
);
CREATE INDEX report_version_green_by_day ON report_version_green (chronicle_id, on_day);
CREATE INDEX report_version_green_by_period ON report_version_green (chronicle_id, period_end, period_start);
CREATE INDEX report_version_green_current ON report_version_green (chronicle_id, replaced_at, first_recorded_at);
