-- Every version of every chronicle definition with the instant it was recorded, so that a read
-- "as known at" an instant uses the areas, sides and period the chronicle had then.
CREATE TABLE chronicle_version (
    chronicle_id VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    definition   TEXT         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chronicle_version_pkey PRIMARY KEY (chronicle_id, version)
);
