-- The event store: one row per event, never updated or deleted.
-- bytea, not oid: payloads are read back with plain getBytes, no large objects.
-- The bigserial global index (increment 1) orders every event of every aggregate; its gaps are
-- tracked by Axon's GapAwareTrackingToken.
CREATE TABLE domain_event_entry (
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
    -- Serves the tracking processors' "events after position N" scan.
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    -- Serves loading an aggregate's stream, and refuses a second writer of the same version.
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);
