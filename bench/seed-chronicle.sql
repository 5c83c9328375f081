-- Seeds one whole chronicle, :chronicle, into the event table as the command side stores it: the
-- definition, then :reports reports over its period (2012-01-29 to 2012-05-31, 124 days), then
-- corrections of one report in 20 and retractions of one in 50, then duplicate marks of one in 100.
-- Of the reports, about 88% are dated CASUALTIES reports, 4% CONTROL_CHANGE, 4% CLASH and 4% period
-- claims over 2 to 7 days. Events are recorded one second apart from 2026-01-01T00:00:00Z, so an
-- asKnownAt instant within that range sees part of them. Only the event table is written: the
-- query side needs nothing else, and the command side's lookup rows matter only to writes.
-- Used by day-query.sh.
--
--   psql -v chronicle=seeded -v reports=100000 -f bench/seed-chronicle.sql
CREATE TEMPORARY TABLE seed_report AS
SELECT n,
       :'chronicle' || '/s-' || n AS aggregate_id,
       's-' || n AS report_id,
       CASE WHEN n % 25 = 3 THEN 'CONTROL_CHANGE' WHEN n % 25 = 7 THEN 'CLASH' ELSE 'CASUALTIES' END AS type,
       n % 25 = 11 AS claim,
       DATE '2012-01-29' + (n * 7919 % 124) AS day,
       LEAST(DATE '2012-01-29' + (n * 7919 % 124) + 1 + n % 6, DATE '2012-05-31') AS claim_end,
       (ARRAY['rastan', 'rastan-west', 'rastan-east', 'rastan-suburbs', 'talbiseh'])[1 + n % 5] AS area,
       (ARRAY['fsa', 'government'])[1 + n % 2] AS side
FROM generate_series(1, :reports) AS n;

-- The report's content as ReportContent (revision 2 of ReportRecorded), its casualties varied by n.
CREATE FUNCTION pg_temp.content(r seed_report, killed int) RETURNS text LANGUAGE sql AS $$
    SELECT format('{"type":"%s","date":%s,"latestDate":null,"period":%s,"area":"%s","summary":"Seeded report %s",'
                  '"sources":[{"name":"Seed dispatch %s","publisher":"Seed","publishedOn":"%s","url":null}],'
                  '"casualties":%s,"shelling":null,"defection":null,"control":%s,"origin":null}',
                  r.type,
                  CASE WHEN r.claim THEN 'null' ELSE '"' || r.day || '"' END,
                  CASE WHEN r.claim THEN format('{"start":"%s","end":"%s"}', r.day, r.claim_end) ELSE 'null' END,
                  r.area, r.n, r.n,
                  CASE WHEN r.claim THEN r.claim_end ELSE r.day END,
                  CASE WHEN r.type = 'CONTROL_CHANGE' THEN '[]'
                       WHEN r.claim THEN format('[{"party":"civilians","killed":{"low":%s,"best":%s,"high":%s},"wounded":null}]',
                                                killed * 5, killed * 6, killed * 8)
                       ELSE format('[{"party":"civilians","killed":{"low":%s,"best":%s,"high":%s},"wounded":{"low":%s,"best":%s,"high":%s}},'
                                   '{"party":"%s","killed":{"low":%s,"best":%s,"high":null},"wounded":null}]',
                                   killed, killed, killed, killed * 2, killed * 2, killed * 3,
                                   r.side, killed % 3, killed % 3 + 1)
                  END,
                  CASE WHEN r.type = 'CONTROL_CHANGE'
                       THEN format('{"to":"%s","extent":"%s"}', r.side, CASE WHEN r.n % 2 = 0 THEN 'FULL' ELSE 'PARTIAL' END)
                       ELSE 'null' END)
$$;

CREATE FUNCTION pg_temp.at(seconds bigint) RETURNS text LANGUAGE sql AS $$
    SELECT to_char((TIMESTAMPTZ '2026-01-01T00:00:00Z' + seconds * INTERVAL '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
VALUES (:'chronicle', 0, 'Chronicle', md5(:'chronicle' || '/definition'),
        convert_to('{"recordedBy":"seed"}', 'UTF8'),
        convert_to(format('{"chronicleId":"%s","definition":{"name":"Seeded chronicle","place":null,'
                          '"period":{"start":"2012-01-29","end":"2012-05-31"},'
                          '"sides":[{"id":"fsa","name":"Free Syrian Army"},{"id":"government","name":"Syrian Arab Republic"}],'
                          '"areas":[{"id":"rastan","name":"Rastan","parent":null,"geometry":null},'
                          '{"id":"rastan-west","name":"Western neighbourhoods","parent":"rastan","geometry":null},'
                          '{"id":"rastan-east","name":"Eastern neighbourhoods","parent":"rastan","geometry":null},'
                          '{"id":"rastan-suburbs","name":"Suburbs","parent":null,"geometry":null},'
                          '{"id":"talbiseh","name":"Talbiseh","parent":null,"geometry":null}],'
                          '"initialControl":[{"area":"rastan","side":"government"},{"area":"rastan-suburbs","side":"government"},'
                          '{"area":"talbiseh","side":"fsa"}]}}', :'chronicle'), 'UTF8'),
        '1', 'org.chronicle.api.chronicle.ChronicleDefined', pg_temp.at(0));

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT aggregate_id, 0, 'Report', md5(aggregate_id || '/0'), convert_to('{"recordedBy":"seed"}', 'UTF8'),
       convert_to(format('{"chronicleId":"%s","reportId":"%s","report":%s}', :'chronicle', report_id,
                         pg_temp.content(r, 1 + n % 17)), 'UTF8'),
       '2', 'org.chronicle.api.report.ReportRecorded', pg_temp.at(n)
FROM seed_report r ORDER BY n;

-- Corrections (version 2) of one report in 20: new figures, justified by a later source.
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT aggregate_id, 1, 'Report', md5(aggregate_id || '/1'), convert_to('{"recordedBy":"seed"}', 'UTF8'),
       convert_to(format('{"chronicleId":"%s","reportId":"%s","version":2,"report":%s,"reason":"Revised toll",'
                         '"sources":[{"name":"Revision %s","publisher":"Seed","publishedOn":"%s","url":null}]}',
                         :'chronicle', report_id, pg_temp.content(r, 20 + n % 13), n,
                         LEAST(COALESCE(CASE WHEN claim THEN claim_end END, day) + 2, DATE '2012-05-31')), 'UTF8'),
       '1', 'org.chronicle.api.report.ReportCorrected', pg_temp.at(:reports + n)
FROM seed_report r WHERE n % 20 = 0 ORDER BY n;

-- Retractions (version 2) of one report in 50; none of them was corrected (n % 20 is never 0).
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT aggregate_id, 1, 'Report', md5(aggregate_id || '/1'), convert_to('{"recordedBy":"seed"}', 'UTF8'),
       convert_to(format('{"chronicleId":"%s","reportId":"%s","version":2,"reason":"Unfounded"}',
                         :'chronicle', report_id), 'UTF8'),
       '1', 'org.chronicle.api.report.ReportRetracted', pg_temp.at(2 * :reports + n)
FROM seed_report r WHERE n % 50 = 25 ORDER BY n;

-- Duplicate marks (version 2) of one report in 100, each the duplicate of the report before it.
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT aggregate_id, 1, 'Report', md5(aggregate_id || '/1'), convert_to('{"recordedBy":"seed"}', 'UTF8'),
       convert_to(format('{"chronicleId":"%s","reportId":"%s","version":2,"duplicateOf":"s-%s","reason":"Same incident"}',
                         :'chronicle', report_id, n - 1), 'UTF8'),
       '1', 'org.chronicle.api.report.ReportMarkedDuplicate', pg_temp.at(3 * :reports + n)
FROM seed_report r WHERE n % 100 = 51 ORDER BY n;

-- Settle the store before measuring: visibility map, statistics, and the WAL written out.
VACUUM ANALYZE domain_event_entry;
CHECKPOINT;
