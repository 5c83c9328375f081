-- Seeds reports :from to :to of the generated chronicle (GenerateChronicle.java) into chronicle
-- :chronicle, as the command side would have stored them had they been imported: each report's
-- ReportRecorded, its correction (n % 20 = 0) or retraction (n % 100 = 37) a thousand reports later
-- (the ones due after report :to come last, as in the file), and the command side's lookup rows.
-- The chronicle must be defined already (run.sh imports the first reports of the file through the
-- API, which defines it). Events are recorded 10 ms apart from the store's last instant on, so an
-- asKnownAt instant within the run sees part of them.
--
--   psql -v chronicle=generated -v from=10001 -v to=100000 -f bench/seed-generated.sql
CREATE TEMPORARY TABLE seed_report AS
SELECT n,
       :'chronicle' || '/g-' || n AS aggregate_id,
       'g-' || n AS report_id,
       CASE WHEN n % 100 = 3 THEN 'CONTROL_CHANGE' WHEN n % 50 = 7 THEN 'CLASH' ELSE 'CASUALTIES' END AS type,
       n % 50 = 11 AS claim,
       DATE '2012-01-01' + (n * 7919 % 1000)::int AS day,
       LEAST(DATE '2012-01-01' + (n * 7919 % 1000)::int + 2 + (n % 6)::int, DATE '2014-09-26') AS claim_end,
       'd-' || ((n * 37 + n / 1000) % 200) AS area,
       CASE WHEN n % 2 = 0 THEN 'government' ELSE 'insurgents' END AS side
FROM generate_series(:from::bigint, :to::bigint) AS n;

-- The report's content as ReportContent (revision 2 of ReportRecorded), its figures varied by k.
CREATE FUNCTION pg_temp.content(r seed_report, k bigint) RETURNS text LANGUAGE sql AS $$
    SELECT format('{"type":"%s","date":%s,"latestDate":null,"period":%s,"area":"%s","summary":"Generated report %s",'
                  '"sources":[{"name":"Dispatch %s","publisher":"Agency","publishedOn":"%s","url":null}],'
                  '"casualties":%s,"shelling":null,"defection":null,"control":%s,"origin":null}',
                  r.type,
                  CASE WHEN r.claim THEN 'null' ELSE '"' || r.day || '"' END,
                  CASE WHEN r.claim THEN format('{"start":"%s","end":"%s"}', r.day, r.claim_end) ELSE 'null' END,
                  r.area, r.n, r.n,
                  CASE WHEN r.claim THEN r.claim_end ELSE r.day END,
                  CASE WHEN r.type = 'CONTROL_CHANGE' THEN '[]'
                       WHEN r.claim THEN format('[{"party":"civilians","killed":{"low":%s,"best":%s,"high":%s},"wounded":null},'
                                                '{"party":"unknown","killed":{"low":%s,"best":%s,"high":%s},"wounded":null}]',
                                                k * 5, k * 6, k * 8, k, k, k)
                       ELSE format('[{"party":"civilians","killed":{"low":%s,"best":%s,"high":%s},"wounded":{"low":%s,"best":%s,"high":%s}},'
                                   '{"party":"%s","killed":{"low":%s,"best":%s,"high":null},"wounded":null}%s]',
                                   k, k, k, k * 2, k * 2, k * 3, r.side, k % 3, k % 3 + 1,
                                   CASE WHEN r.n % 4 = 1 THEN ',{"party":"unknown","killed":{"low":1,"best":1,"high":1},"wounded":null}' ELSE '' END)
                  END,
                  CASE WHEN r.type = 'CONTROL_CHANGE'
                       THEN format('{"to":"%s","extent":"%s"}', r.side, CASE WHEN r.n % 3 = 0 THEN 'FULL' ELSE 'PARTIAL' END)
                       ELSE 'null' END)
$$;

-- Every event with its place in the file: a report at 2n, its later event after report n + 997.
CREATE TEMPORARY TABLE seed_event AS
SELECT r.n, 0 AS seq, 2 * r.n AS place, 'org.chronicle.api.report.ReportRecorded' AS payload_type, '2' AS revision,
       format('{"chronicleId":"%s","reportId":"%s","report":%s}', :'chronicle', r.report_id,
              pg_temp.content(r, 1 + r.n % 17)) AS payload
FROM seed_report r
UNION ALL
SELECT r.n, 1, 2 * LEAST(r.n + 997, :to::bigint) + 1, 'org.chronicle.api.report.ReportCorrected', '1',
       format('{"chronicleId":"%s","reportId":"%s","version":2,"report":%s,"reason":"Revised toll",'
              '"sources":[{"name":"Revision %s","publisher":"Agency","publishedOn":"%s","url":null}]}',
              :'chronicle', r.report_id, pg_temp.content(r, 20 + r.n % 13), r.n,
              LEAST(CASE WHEN r.claim THEN r.claim_end ELSE r.day END + 2, DATE '2014-09-26'))
FROM seed_report r WHERE r.n % 20 = 0
UNION ALL
SELECT r.n, 1, 2 * LEAST(r.n + 997, :to::bigint) + 1, 'org.chronicle.api.report.ReportRetracted', '1',
       format('{"chronicleId":"%s","reportId":"%s","version":2,"reason":"Unfounded"}', :'chronicle', r.report_id)
FROM seed_report r WHERE r.n % 100 = 37;

SELECT COALESCE(max(time_stamp::timestamptz), now()) + INTERVAL '1 second' AS seed_from
FROM domain_event_entry \gset

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                payload, payload_revision, payload_type, time_stamp)
SELECT :'chronicle' || '/g-' || e.n, e.seq, 'Report', md5(:'chronicle' || '/g-' || e.n || '/' || e.seq),
       convert_to('{"recordedBy":"seed"}', 'UTF8'), convert_to(e.payload, 'UTF8'), e.revision, e.payload_type,
       to_char((:'seed_from'::timestamptz + (row_number() OVER (ORDER BY e.place, e.n)) * INTERVAL '10 milliseconds')
               AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM seed_event e ORDER BY e.place, e.n;

INSERT INTO report_register (chronicle_id, report_id, first_day, last_day)
SELECT :'chronicle', report_id, day, CASE WHEN claim THEN claim_end ELSE day END FROM seed_report;

INSERT INTO chronicle_reference (chronicle_id, report_id, kind, ref)
SELECT :'chronicle', report_id, 'AREA', area FROM seed_report
UNION ALL
SELECT :'chronicle', report_id, 'SIDE', side FROM seed_report WHERE NOT claim;

-- Settle the store before measuring: visibility map, statistics, and the WAL written out.
VACUUM ANALYZE domain_event_entry;
ANALYZE report_register;
ANALYZE chronicle_reference;
CHECKPOINT;
