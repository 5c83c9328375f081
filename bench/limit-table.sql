-- The table the limits write into: shaped like domain_event_entry (the same columns, a bigserial
-- of its own, the same primary key and unique constraints), without the NOTIFY trigger, so that
-- PostgreSQL's own cost of appending an event can be measured beside the service's. Used by
-- run.sh, which empties it before each limit.
DROP TABLE IF EXISTS bench_event_entry;
CREATE TABLE bench_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT bench_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT bench_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT bench_event_entry_event_identifier UNIQUE (event_identifier)
);
