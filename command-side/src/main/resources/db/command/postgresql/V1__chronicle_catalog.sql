-- The current definition of each chronicle, for checking reports against it without replaying
-- the chronicle's stream. Kept by a subscribing handler in the appending transaction.
CREATE TABLE chronicle_catalog (
    chronicle_id VARCHAR(100) NOT NULL PRIMARY KEY,
    definition   TEXT         NOT NULL,
    version      BIGINT       NOT NULL
);
