-- The query-side processes running on this database, each beating while it runs (its node id is
-- the owner name it writes in token_entry). Each projection lets a process claim at most its share
-- of the segments: ceil(segments / processes seen lately), so the processes share the work.
CREATE TABLE query_side_process (
    node_id    VARCHAR(255)             NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT query_side_process_pkey PRIMARY KEY (node_id)
);
