-- Every transaction that appends events sends one NOTIFY on channel chronicle_events, so that
-- processes reading the store (the query side) fetch at once instead of waiting for their next
-- poll. A statement-level trigger catches every writer: the command side, imports, SQL by hand.
-- PostgreSQL delivers identical notifications of one transaction once, at its commit, and never
-- for a transaction that rolls back. The payload is empty: listeners read the store themselves.
CREATE FUNCTION chronicle_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('chronicle_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT
    EXECUTE FUNCTION chronicle_events_appended();
