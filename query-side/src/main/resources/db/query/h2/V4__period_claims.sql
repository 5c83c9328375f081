-- One row per party per version of a report with a period: a claim over those days, such as
-- "42 killed in the previous days". Claims are in no day; they raise the cumulative counts
-- (counting rule 3). Bitemporal like casualty_figure; recorded_position orders claims that end
-- and start on the same days by when they were recorded.
CREATE TABLE period_claim (
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
    CONSTRAINT period_claim_pkey PRIMARY KEY (chronicle_id, report_id, version, party)
);
CREATE INDEX period_claim_by_end ON period_claim (chronicle_id, period_end);
