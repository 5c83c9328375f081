-- Seeds :seeded reports into chronicle 'seeded', as the command side stores them: one
-- ReportRecorded event per report and the command side's lookup rows. No definition event: the
-- store is only ballast for append-at-scale.sh, whose client appends into a chronicle of its own
-- (AppendRate defines it), to ask whether a command costs more in a large store.
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT 'seeded/s-' || n, 0, 'Report', md5('seeded' || n),
       convert_to('{"recordedBy":"seed"}', 'UTF8'),
       convert_to(format('{"chronicleId":"seeded","reportId":"s-%s","report":{"type":"CASUALTIES","date":"%s","latestDate":null,"period":null,"area":"x","summary":"Seeded report","sources":[{"name":"Seed","publisher":"Seed","publishedOn":"%s","url":null}],"casualties":[{"party":"civilians","killed":{"low":1,"best":1,"high":1},"wounded":null}],"shelling":null,"defection":null,"control":null,"origin":null}}',
                      n, d, d), 'UTF8'),
       '2', 'org.chronicle.api.report.ReportRecorded', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM generate_series(1, :seeded) AS n, LATERAL (SELECT (DATE '2012-01-01' + (n % 366))::text AS d) day;

INSERT INTO report_register (chronicle_id, report_id, first_day, last_day)
SELECT 'seeded', 's-' || n, DATE '2012-01-01' + (n % 366), DATE '2012-01-01' + (n % 366)
FROM generate_series(1, :seeded) AS n;

INSERT INTO chronicle_reference (chronicle_id, report_id, kind, ref)
SELECT 'seeded', 's-' || n, 'AREA', 'x' FROM generate_series(1, :seeded) AS n;

-- Settle the store before measuring: visibility map, statistics, and the WAL written out.
VACUUM ANALYZE;
CHECKPOINT;
