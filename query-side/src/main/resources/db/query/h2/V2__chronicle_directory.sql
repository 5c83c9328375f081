-- The chronicles as the read side knows them: their current definitions.
CREATE TABLE chronicle_directory (
    chronicle_id VARCHAR(100) NOT NULL PRIMARY KEY,
    definition   CLOB         NOT NULL,
    version      BIGINT       NOT NULL,
    amended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
