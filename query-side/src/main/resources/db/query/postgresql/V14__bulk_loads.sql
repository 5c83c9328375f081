-- A rebuild first fills its set in rounds of many events at once (a bulk load), then hands the set
-- to its processor at the token where the load ended. One process loads at a time: it holds a
-- lease, renewed while it works. Each round stores the token it reached with the rows it wrote, so
-- a process that takes an expired lease over goes on from there rather than from the first event.
ALTER TABLE projection_set ADD COLUMN loading_by VARCHAR(100);
ALTER TABLE projection_set ADD COLUMN loading_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE projection_set ADD COLUMN loaded_position BIGINT;
ALTER TABLE projection_set ADD COLUMN loaded_token BYTEA;
ALTER TABLE projection_set ADD COLUMN loaded_token_type VARCHAR(255);
