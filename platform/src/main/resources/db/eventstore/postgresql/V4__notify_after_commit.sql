-- The NOTIFY on chronicle_events moves out of the appending transactions (V3's trigger) to the
-- writer, which sends it once the append has committed, from a connection of its own
-- (AppendNotifier). PostgreSQL holds a cluster-wide lock for NOTIFY from a transaction's commit
-- until its WAL is flushed: sent from the trigger, every appending commit waited for the one
-- before it, where concurrent commits could have shared a flush. Events written by hand in SQL
-- now wake no one; readers find them at their next poll.
DROP TRIGGER domain_event_entry_notify ON domain_event_entry;
DROP FUNCTION chronicle_events_appended();
