-- The earliest day in the news of a later event on the report, beside replaced_at (V15): with it
-- an "as reported by" read tests the column (replaced_on IS NULL OR replaced_on > the day)
-- instead of looking for a later event reported by then. Not the next event's day: a correction
-- may cite a source older than the version it replaces. Rows settled before this get it here.
ALTER TABLE casualty_figure ADD COLUMN replaced_on DATE;
ALTER TABLE period_claim ADD COLUMN replaced_on DATE;
ALTER TABLE control_change ADD COLUMN replaced_on DATE;
ALTER TABLE clash_day ADD COLUMN replaced_on DATE;
ALTER TABLE report_version ADD COLUMN replaced_on DATE;
ALTER TABLE casualty_figure_green ADD COLUMN replaced_on DATE;
ALTER TABLE period_claim_green ADD COLUMN replaced_on DATE;
ALTER TABLE control_change_green ADD COLUMN replaced_on DATE;
ALTER TABLE clash_day_green ADD COLUMN replaced_on DATE;
ALTER TABLE report_version_green ADD COLUMN replaced_on DATE;
UPDATE casualty_figure r SET replaced_on = (SELECT MIN(e.reported_on) FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE period_claim r SET replaced_on = (SELECT MIN(e.reported_on) FROM casualty_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE control_change r SET replaced_on = (SELECT MIN(e.reported_on) FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE clash_day r SET replaced_on = (SELECT MIN(e.reported_on) FROM control_report_event e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE report_version r SET replaced_on = (SELECT MIN(e.reported_on) FROM report_version e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE casualty_figure_green r SET replaced_on = (SELECT MIN(e.reported_on) FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE period_claim_green r SET replaced_on = (SELECT MIN(e.reported_on) FROM casualty_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE control_change_green r SET replaced_on = (SELECT MIN(e.reported_on) FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE clash_day_green r SET replaced_on = (SELECT MIN(e.reported_on) FROM control_report_event_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
UPDATE report_version_green r SET replaced_on = (SELECT MIN(e.reported_on) FROM report_version_green e WHERE e.chronicle_id = r.chronicle_id AND e.report_id = r.report_id AND e.version > r.version)
WHERE r.replaced_at IS NOT NULL;
