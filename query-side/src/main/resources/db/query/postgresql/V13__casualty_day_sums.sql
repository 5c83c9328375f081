-- The day figures that count now, summed per day, area and party, kept by the casualty
-- projection as it writes and replaces figures: a read of the cumulative count through a day
-- reads these sums, a few rows a day, instead of every figure up to that day. Reads "as known at"
-- or "as reported by" an earlier moment still read the figures themselves. n counts the figures
-- given, high_n those with a known high (a sum with an unknown high has an unknown high), rows_n
-- the rows: a party with rows counts even when none gave a figure of this kind.

CREATE TABLE casualty_day_sum (
    chronicle_id   VARCHAR(100) NOT NULL,
    on_day         DATE         NOT NULL,
    area           VARCHAR(100) NOT NULL,
    party          VARCHAR(100) NOT NULL,
    rows_n         BIGINT       NOT NULL,
    killed_low     BIGINT       NOT NULL,
    killed_best    BIGINT       NOT NULL,
    killed_high    BIGINT       NOT NULL,
    killed_n       BIGINT       NOT NULL,
    killed_high_n  BIGINT       NOT NULL,
    wounded_low    BIGINT       NOT NULL,
    wounded_best   BIGINT       NOT NULL,
    wounded_high   BIGINT       NOT NULL,
    wounded_n      BIGINT       NOT NULL,
    wounded_high_n BIGINT       NOT NULL,
    CONSTRAINT casualty_day_sum_pkey PRIMARY KEY (chronicle_id, on_day, area, party)
);
INSERT INTO casualty_day_sum
SELECT chronicle_id, on_day, area, party, COUNT(*),
       COALESCE(SUM(killed_low), 0), COALESCE(SUM(killed_best), 0), COALESCE(SUM(killed_high), 0),
       COUNT(killed_best), COUNT(killed_high),
       COALESCE(SUM(wounded_low), 0), COALESCE(SUM(wounded_best), 0), COALESCE(SUM(wounded_high), 0),
       COUNT(wounded_best), COUNT(wounded_high)
FROM casualty_figure WHERE replaced_at IS NULL
GROUP BY chronicle_id, on_day, area, party;

CREATE TABLE casualty_day_sum_green (
    chronicle_id   VARCHAR(100) NOT NULL,
    on_day         DATE         NOT NULL,
    area           VARCHAR(100) NOT NULL,
    party          VARCHAR(100) NOT NULL,
    rows_n         BIGINT       NOT NULL,
    killed_low     BIGINT       NOT NULL,
    killed_best    BIGINT       NOT NULL,
    killed_high    BIGINT       NOT NULL,
    killed_n       BIGINT       NOT NULL,
    killed_high_n  BIGINT       NOT NULL,
    wounded_low    BIGINT       NOT NULL,
    wounded_best   BIGINT       NOT NULL,
    wounded_high   BIGINT       NOT NULL,
    wounded_n      BIGINT       NOT NULL,
    wounded_high_n BIGINT       NOT NULL,
    CONSTRAINT casualty_day_sum_green_pkey PRIMARY KEY (chronicle_id, on_day, area, party)
);
INSERT INTO casualty_day_sum_green
SELECT chronicle_id, on_day, area, party, COUNT(*),
       COALESCE(SUM(killed_low), 0), COALESCE(SUM(killed_best), 0), COALESCE(SUM(killed_high), 0),
       COUNT(killed_best), COUNT(killed_high),
       COALESCE(SUM(wounded_low), 0), COALESCE(SUM(wounded_best), 0), COALESCE(SUM(wounded_high), 0),
       COUNT(wounded_best), COUNT(wounded_high)
FROM casualty_figure_green WHERE replaced_at IS NULL
GROUP BY chronicle_id, on_day, area, party;
