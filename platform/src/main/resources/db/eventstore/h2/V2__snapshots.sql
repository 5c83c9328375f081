CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255)   NOT NULL,
    sequence_number      BIGINT         NOT NULL,
    type                 VARCHAR(255)   NOT NULL,
    event_identifier     VARCHAR(255)   NOT NULL,
    meta_data            BINARY VARYING,
    payload              BINARY VARYING NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255)   NOT NULL,
    time_stamp           VARCHAR(255)   NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);
