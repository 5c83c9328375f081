-- A version's replaced_at is the earliest instant of a later event on its report, not the next
-- event's: the two differ only when the clocks of the writers disagreed, and with the earliest an
-- "as known at" read tests the column (replaced_at IS NULL OR replaced_at > the instant) instead
-- of looking for a later event known by then. Rows settled before this hold the next event's
-- instant; those that differ are settled again here. Nothing else changes.
UPDATE casualty_figure r SET replaced_at = (SELECT MIN(e.recorded_at) FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE period_claim r SET replaced_at = (SELECT MIN(e.recorded_at) FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE control_change r SET replaced_at = (SELECT MIN(e.recorded_at) FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE clash_day r SET replaced_at = (SELECT MIN(e.recorded_at) FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE report_version r SET replaced_at = (SELECT MIN(e.recorded_at) FROM report_version e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM report_version e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE casualty_figure_green r SET replaced_at = (SELECT MIN(e.recorded_at) FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE period_claim_green r SET replaced_at = (SELECT MIN(e.recorded_at) FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE control_change_green r SET replaced_at = (SELECT MIN(e.recorded_at) FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE clash_day_green r SET replaced_at = (SELECT MIN(e.recorded_at) FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
UPDATE report_version_green r SET replaced_at = (SELECT MIN(e.recorded_at) FROM report_version_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL AND EXISTS (SELECT 1 FROM report_version_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version AND e.recorded_at < r.replaced_at);
