#!/usr/bin/env bash
# The benchmark: every rate measured beside its limit, in the same run, so that the ratio holds on a
# noisy machine. Creates a fresh database on the local PostgreSQL, starts the command side and the
# query side as processes (java -Xmx512m -jar, each with a flight recording), and measures:
#
#   append_1, append_16  reports/s through the HTTP API (each acknowledged after its commit) by 1
#                        and 16 clients; limit: pgbench, 1 and 16 clients, a single-row INSERT of an
#                        event-sized row into a table shaped like domain_event_entry
#                        (append-limit.sql, limit-table.sql). After an unmeasured warm-up of the
#                        JIT, in ROUNDS turns; the medians count.
#   import               rows/s of a json (chronicle/1) import of a generated file
#                        (GenerateChronicle.java: 1,000 days, 200 districts, 4 parties, 5%
#                        corrections, 1% retractions, 2% period claims), from the POST to the job's
#                        end; limit: INSERT ... SELECT of the same rows into the limit table.
#   rebuild              events/s of a rebuild of every projection over the whole store, from the
#                        four POSTs to /api/v1/admin/projections/{name}/rebuild until readers are
#                        switched to every rebuilt set; limit: RebuildLimit.java, every event row read
#                        with JDBC and its payload deserialized with Jackson, one thread. The query
#                        side records a profile of the rebuild; the command side's recording gives
#                        the import's and the appends' (bench/results/profile-MODE.md).
#   visible_p50/p99_ms   VisibleLatency.java: from the command side's 201 to the query side's answer.
#   query_day_*, days_list_ms  DayReads.java on the generated chronicle: random days, random days
#                        with a random asKnownAt, the list of all its days.
#   heap_peak_mb         per process, from the flight recordings' heap summaries.
#
# Writes bench/results/latest.json (and a dated copy), bench/results/latest.md, and the run's
# table in BENCHMARKS.md (between the markers of its mode). Logs, recordings and the generated
# file stay in bench/results/work-STAMP/ (not versioned; removed at the end unless --keep).
#
#   bench/run.sh [--quick] [--reports N] [--import N] [--requests N] [--rounds N] [--seconds S]
#                [--visible N] [--read-seconds S] [--keep]
#
#   (full)    1,000,000 reports, all imported through the API; 1,000 requests per read series
#             (each series stops after 600 s, the list of days is read once); 60 s of JIT
#             warm-up, then 3 rounds of 20 s per append measurement (rates and limits are the
#             medians); 500 visible-latency reports.
#   --quick   100,000 reports, of which 5,000 imported through the API and the rest seeded by SQL
#             (seed-generated.sql, the same reports the file would hold); 200 requests per read
#             series (at most 45 s each); 20 s of JIT warm-up and 1 round of 8 s per append
#             measurement; 100 visible-latency reports. Meant to take about 5 minutes: all but
#             the rebuild and the reads do, and those take what their rates make them take.
#   --reports N   reports in the store; --import N of them through the API, the rest seeded by SQL.
#             When some are seeded, the query side is stopped while they are written and its live
#             table set is moved to the store's head without reading them: the rebuild fills the
#             other set from the first event, and every later read uses that set.
#   --keep    keeps the database (its name is printed) and the work directory.
#
# Needs a PostgreSQL on 127.0.0.1:5432 where PGUSER (default postgres) may create databases without
# a password, pgbench, Java 17 (java, jcmd) and, when the jars are absent, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
{ # The whole script is read before it runs, so that editing it cannot change a run under way.

mode=full
reports= imported= requests= rounds= seconds= visible= read_seconds= keep=0
command="bench/run.sh${*:+ $*}"
while [ $# -gt 0 ]; do
    case $1 in
        --quick) mode=quick ;;
        --reports) reports=$2; shift ;;
        --import) imported=$2; shift ;;
        --requests) requests=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        --seconds) seconds=$2; shift ;;
        --visible) visible=$2; shift ;;
        --read-seconds) read_seconds=$2; shift ;;
        --keep) keep=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed -E 's/^# ?//'; exit 0 ;;
        *) echo "unknown option $1 (see bench/run.sh --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ $mode = quick ]; then
    reports=${reports:-100000} imported=${imported:-5000} requests=${requests:-200} rounds=${rounds:-1}
    seconds=${seconds:-8} visible=${visible:-100} read_seconds=${read_seconds:-45} lists=1 jit_seconds=20
else
    reports=${reports:-1000000} imported=${imported:-$reports} requests=${requests:-1000} rounds=${rounds:-3}
    seconds=${seconds:-20} visible=${visible:-500} read_seconds=${read_seconds:-600} lists=1 jit_seconds=60
fi
[ "$imported" -gt "$reports" ] && imported=$reports
seeded=$((reports - imported))
warm=$(( seconds / 2 > 3 ? seconds / 2 : 3 ))
every=${ANALYZE_EVERY:-10}

user=${PGUSER:-postgres}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
db="chronicle_bench_$(date -u +%Y%m%d%H%M%S)_$$"
work="bench/results/work-$stamp"
figures="$work/figures.properties"
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q -X"
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
auth="admin:$password"
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1)
mkdir -p "$work"
: > "$figures"
began=$(date +%s%3N)

fig() { printf '%s=%s\n' "$1" "$2" >> "$figures"; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
say() { printf '[%6ss] %s\n' "$(seconds_since "$began")" "$*"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
sql() { $pg -d "$db" -tAc "$1"; }

services=()
analyzer=
cleanup() {
    status=$?
    analyze_stop
    for pid in "${services[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${services[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ $keep = 1 ]; then
        echo "kept the database $db and $work"
    else
        $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
        [ $status = 0 ] && rm -rf "$work"
    fi
    [ $status = 0 ] || echo "the run failed; logs in $work" >&2
}
trap cleanup EXIT

# ANALYZE every $every seconds while projections grow: autovacuum would, but this server may run
# without it, and the projections' statements are planned on the statistics of their tables.
analyze_start() {
    [ "$every" = 0 ] && return
    [ "$($pg -d postgres -tAc 'SHOW autovacuum')" = on ] && return
    ( while sleep "$every"; do $pg -d "$db" -c ANALYZE 2>/dev/null || true; done ) &
    analyzer=$!
}
analyze_stop() {
    if [ -n "$analyzer" ]; then kill "$analyzer" 2>/dev/null || true; wait "$analyzer" 2>/dev/null || true; analyzer=; fi
}

# ---- the jars, the database, the processes ----

command_jar=$(ls command-side/target/command-side-*-exec.jar 2>/dev/null | head -n 1 || true)
query_jar=$(ls query-side/target/query-side-*-exec.jar 2>/dev/null | head -n 1 || true)
if [ -z "$command_jar" ] || [ -z "$query_jar" ]; then
    say "building the jars (mvn package -DskipTests) ..."
    mvn -B -q -o -Dstyle.color=never package -DskipTests -pl command-side,query-side -am \
        || mvn -B -q -Dstyle.color=never package -DskipTests -pl command-side,query-side -am
    command_jar=$(ls command-side/target/command-side-*-exec.jar | head -n 1)
    query_jar=$(ls query-side/target/query-side-*-exec.jar | head -n 1)
fi
mkdir -p "$work/lib"
unzip -q -o -j "$query_jar" 'BOOT-INF/lib/postgresql-*.jar' 'BOOT-INF/lib/jackson-core-*.jar' \
    'BOOT-INF/lib/jackson-databind-*.jar' 'BOOT-INF/lib/jackson-annotations-*.jar' -d "$work/lib"

fig mode "$mode"
fig command "$command"
fig stamp "$stamp"
fig date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
fig machine.cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
fig machine.cores "$(nproc)"
fig machine.ram_gib "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
fig machine.os "$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}")"
fig machine.postgresql "$($pg -d postgres -tAc 'SHOW server_version')"
fig machine.java "$(java -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]+)".*/\1/')"
fig machine.load_at_start "$(cut -d' ' -f1-3 /proc/loadavg)"
fig scale.reports "$reports"
fig scale.imported "$imported"
fig scale.seeded "$seeded"
fig scale.requests "$requests"
fig scale.rounds "$rounds"
fig scale.append_seconds "$seconds"
fig scale.visible "$visible"
fig scale.read_seconds "$read_seconds"
fig scale.jit_seconds "$jit_seconds"
say "$mode run: $reports reports ($imported through the API, $seeded by SQL) in database $db; work in $work"

$pg -d postgres -c "CREATE DATABASE $db"
url="jdbc:postgresql://127.0.0.1:5432/$db?user=$user"

# start NAME JAR JFR [JVM options...]: starts a service on a free port; sets $started_pid.
start() {
    local name=$1 jar=$2 jfr=$3
    shift 3
    CHRONICLE_DB_URL="$url" CHRONICLE_ADMIN_PASSWORD="$password" PORT=0 \
        java -Xmx512m "-XX:StartFlightRecording=filename=$jfr,settings=default,dumponexit=true" "$@" \
        -jar "$jar" >> "$work/$name.log" 2>&1 &
    started_pid=$!
    services+=("$started_pid")
}

# await NAME PID: prints the service's port once it answers its health check.
await() {
    local name=$1 pid=$2 port=
    for _ in $(seq 1 1200); do
        kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $work/$name.log" >&2; return 1; }
        port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/$name.log" | tail -n 1)
        if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; then
            echo "$port"
            return
        fi
        sleep 0.5
    done
    echo "$name did not start within 10 minutes; see $work/$name.log" >&2
    return 1
}

# stop PID: ends one of our services and waits for it (its flight recording is written on exit).
stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    local kept=()
    for pid in "${services[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
    services=("${kept[@]}")
}

query_lives=1
# The benchmark profile adds the endpoint of the HTTP stack's ceiling (stack_limit_N) and nothing else.
start command-side "$command_jar" "$work/command-side.jfr" -Dspring.profiles.active=benchmark; command_pid=$started_pid
start query-side "$query_jar" "$work/query-side-1.jfr"; query_pid=$started_pid
command_port=$(await command-side "$command_pid")
query_port=$(await query-side "$query_pid")
cs="http://127.0.0.1:$command_port"
qs="http://127.0.0.1:$query_port"
say "command side on $cs (pid $command_pid), query side on $qs (pid $query_pid)"
fig stage.start_seconds "$(seconds_since "$began")"

head_position() { sql "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry"; }

# CPU seconds per stage and process, so that a rate can be read as CPU per report: the ticks
# (user + system) of the command side, of the query side and of every PostgreSQL server process
# together (with what its exited backends left to the postmaster). A process started again
# within a stage counts from its start.
hz=$(getconf CLK_TCK)
process_ticks() {   # PID -> its user and system ticks and its waited-for children's; 0 once it is gone
    { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null || true; } | awk '{ t = $12 + $13 + $14 + $15 } END { print t + 0 }'
}
postgres_ticks() {
    local pid total=0
    for pid in $(pgrep -x postgres); do total=$(( total + $(process_ticks "$pid") )); done
    echo "$total"
}
cpu_mark() { echo "$command_pid:$(process_ticks "$command_pid") $query_pid:$(process_ticks "$query_pid") $(postgres_ticks)"; }
stage_start() { stage=$(now_ms); stage_cpu=$(cpu_mark); }
stage_done() {      # NAME
    fig "stage.$1_seconds" "$(seconds_since "$stage")"
    fig "cpu_seconds.$1" "$(echo "$stage_cpu $(cpu_mark)" | tr ':' ' ' | awk -v hz="$hz" '{
        c = ($6 == $1 ? $7 - $2 : $7) / hz; q = ($8 == $3 ? $9 - $4 : $9) / hz; pg = ($10 - $5) / hz
        printf "command side %.1f, query side %.1f, PostgreSQL %.1f", c, q, pg }')"
}

# The work asked of PostgreSQL, from its statistics, on the tables that match a condition: scans
# (each SELECT, UPDATE or DELETE that reads a table is one), rows inserted, updated, deleted, and
# the database's transactions. work_per N BEFORE AFTER says it per event, or per row.
command_tables="'domain_event_entry', 'snapshot_event_entry', 'chronicle_catalog', 'report_register', 'chronicle_reference'"
# The command side's work: the query side reads the event table too, so its scans are left out.
command_work() {
    sql "SELECT sum(CASE WHEN relname LIKE '%event_entry' THEN 0 ELSE seq_scan + COALESCE(idx_scan, 0) END)
                || ' ' || sum(n_tup_ins) || ' ' || sum(n_tup_upd) || ' ' || sum(n_tup_del) || ' 0'
         FROM pg_stat_user_tables WHERE relname IN ($command_tables)"
}
command_per() {
    work_per "$@" | sed -E 's/ statements that scan a table/ statements that scan a lookup table/; s/, [0-9.]+ transactions//'
}
table_work() {
    sql "SELECT sum(seq_scan + COALESCE(idx_scan, 0)) || ' ' || sum(n_tup_ins) || ' ' || sum(n_tup_upd) || ' ' || sum(n_tup_del)
                || ' ' || (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
         FROM pg_stat_user_tables WHERE $1"
}
work_per() {
    echo "$2 $3" | awk -v n="$1" '{
        printf "%.1f statements that scan a table (SELECT, UPDATE, DELETE), %.1f rows inserted, %.1f updated, %.1f deleted, %.2f transactions",
               ($6 - $1) / n, ($7 - $2) / n, ($8 - $3) / n, ($9 - $4) / n, ($10 - $5) / n }'
}

# settle: waits until every projection of the query side has processed the store's head, so that
# no catch-up runs on into the next measurement. Prints the seconds it waited.
settle() {
    local from head least state last=0
    from=$(now_ms)
    head=$(head_position)
    while :; do
        state=$(curl -sf -u "$auth" "$qs/api/v1/admin/projections" || true)
        least=$(echo "$state" | grep -o '"position":[0-9]*' | cut -d: -f2 | sort -n | head -n 1)
        [ -n "$least" ] && [ "$least" -ge "$head" ] && break
        if [ $(( ($(now_ms) - from) / 30000 )) -gt "$last" ]; then
            last=$(( ($(now_ms) - from) / 30000 ))
            say "  the query side is catching up: position ${least:-?} of $head" >&2
        fi
        sleep 0.5
    done
    seconds_since "$from"
}

# ---- append_1, append_16 ----

$pg -d "$db" -f bench/limit-table.sql 2> /dev/null

limit_append() {    # CLIENTS -> inserts/s
    sql "TRUNCATE bench_event_entry" > /dev/null
    "$pgbench" -h 127.0.0.1 -U "$user" -n -M prepared -c "$1" -j $(( $1 > 1 ? 2 : 1 )) -T "$seconds" \
        -f bench/append-limit.sql "$db" > "$work/pgbench.out" 2>&1 || { cat "$work/pgbench.out" >&2; return 1; }
    cat "$work/pgbench.out" >> "$work/pgbench.log"
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | awk '{ printf "%.1f", $1 }'
}

rate_append() {     # CLIENTS [ENDPOINT] -> reports/s
    CHRONICLE_BENCH_AUTH="$auth" java bench/AppendRate.java "$cs" 0 --clients "$1" --seconds "$seconds" --warm "$warm" \
        --endpoint "${2:-reports}" | tee -a "$work/append.log" | sed -E 's/.* = ([0-9]+) reports\/s.*/\1/'
}

# The ceiling of the HTTP stack: the same POSTs, credentials and body through the same Tomcat,
# security chain and Jackson reading, to a handler that makes one autocommit INSERT of the event's
# row into the limit table (the command side's benchmark profile).
limit_stack() {     # CLIENTS -> requests/s
    sql "TRUNCATE bench_event_entry" > /dev/null
    rate_append "$1" stack-limit
}

stage_start
rates_1= limits_1= rates_16= limits_16= stacks_1= stacks_16=
appended=0
# The JIT needs a few thousand requests before the command side's rate settles: 16 clients first,
# unmeasured, then each measurement still warms up for half its time.
CHRONICLE_BENCH_AUTH="$auth" java bench/AppendRate.java "$cs" 0 --clients 16 --seconds "$jit_seconds" --warm 0 \
    | sed 's/^append_16/JIT warm-up, append_16/' | tee -a "$work/append.log" > /dev/null
settle > /dev/null
say "append: the command side warmed up for $jit_seconds s with 16 clients ($(tail -n 1 "$work/append.log" | sed -E 's/.*= ([0-9]+) reports.*/\1/') reports/s)"
for round in $(seq 1 "$rounds"); do
    for clients in 1 16; do
        limit=$(limit_append "$clients")
        stack=$(limit_stack "$clients")
        sleep 2    # lets every backend report its statistics
        head_before=$(head_position)
        command_before=$(command_work)
        rate=$(rate_append "$clients")
        sleep 2
        command_after=$(command_work)
        appended=$(( $(head_position) - head_before ))
        fig "detail.append_${clients}_work_per_report" "$(command_per "$appended" "$command_before" "$command_after") on the command side's tables"
        waited=$(settle)
        say "round $round, $clients client(s): $rate reports/s through the API, limit $limit inserts/s, the HTTP stack's $stack requests/s (query side caught up in $waited s)"
        if [ "$clients" = 1 ]; then rates_1="$rates_1 $rate"; limits_1="$limits_1 $limit"; stacks_1="$stacks_1 $stack"
        else rates_16="$rates_16 $rate"; limits_16="$limits_16 $limit"; stacks_16="$stacks_16 $stack"; fi
    done
done
sql "TRUNCATE bench_event_entry" > /dev/null
fig append_1.rate "$(echo "$rates_1" | median)"
fig append_1.limit "$(echo "$limits_1" | median)"
fig append_16.rate "$(echo "$rates_16" | median)"
fig append_16.limit "$(echo "$limits_16" | median)"
fig append_1.stack_limit "$(echo "$stacks_1" | median)"
fig append_16.stack_limit "$(echo "$stacks_16" | median)"
fig detail.append_1_stack_limits "${stacks_1# }"
fig detail.append_16_stack_limits "${stacks_16# }"
fig detail.append_1_rates "${rates_1# }"
fig detail.append_1_limits "${limits_1# }"
fig detail.append_16_rates "${rates_16# }"
fig detail.append_16_limits "${limits_16# }"
stage_done append

# ---- import ----

stage_start
file="$work/generated.json"
rows=$(java bench/GenerateChronicle.java "$imported" "$file")
say "import: $imported reports, $rows rows, $(du -m "$file" | cut -f1) MB ($file)"
before=$(head_position)
command_before=$(command_work)
analyze_start
from=$(now_ms)
curl -sS -u "$auth" -H 'Content-Type: application/json' -H 'Expect:' -X POST -T "$file" -D "$work/import.headers" \
    -o "$work/import.answer" "$cs/api/v1/chronicles/generated/imports?format=json"
location=$(tr -d '\r' < "$work/import.headers" | sed -n 's/^Location: //Ip')
answer=$(cat "$work/import.answer")
last=0
while [ -n "$location" ]; do
    answer=$(curl -sf -u "$auth" "$cs$location")
    case "$answer" in *'"status":"RUNNING"'*) ;; *) break ;; esac
    if [ $(( ($(now_ms) - from) / 30000 )) -gt "$last" ]; then
        last=$(( ($(now_ms) - from) / 30000 ))
        say "  import: $(echo "$answer" | grep -o '"processed":[0-9]*' | cut -d: -f2) of $rows rows"
    fi
    sleep 0.5
done
import_ms=$(( $(now_ms) - from ))
accepted=$(echo "$answer" | grep -o '"accepted":[0-9]*' | cut -d: -f2)
refused=$(echo "$answer" | grep -o '"refused":[0-9]*' | cut -d: -f2)
if [ "${accepted:-0}" != "$rows" ]; then
    echo "the import accepted ${accepted:-none} of $rows rows: $answer" | head -c 2000 >&2
    exit 1
fi
command_after=$(command_work)
waited=$(settle)
analyze_stop
fig detail.import_work_per_row "$(command_per "$rows" "$command_before" "$command_after") on the command side's tables"
import_rate=$(awk -v n="$rows" -v ms="$import_ms" 'BEGIN { printf "%.1f", n / (ms / 1000) }')
sql "TRUNCATE bench_event_entry" > /dev/null
limit_ms=$($pg -d "$db" -c '\timing on' -c "
    INSERT INTO bench_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                   payload, payload_revision, payload_type, time_stamp)
    SELECT aggregate_identifier, sequence_number, type, event_identifier, meta_data,
           payload, payload_revision, payload_type, time_stamp
    FROM domain_event_entry WHERE global_index > $before AND aggregate_identifier LIKE 'generated/%'" \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1)
copied=$(sql "SELECT count(*) FROM bench_event_entry")
sql "TRUNCATE bench_event_entry" > /dev/null
import_limit=$(awk -v n="$copied" -v ms="$limit_ms" 'BEGIN { printf "%.1f", n / (ms / 1000) }')
say "import: $rows rows in $(awk -v ms="$import_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s = $import_rate rows/s (refused ${refused:-0}); limit: $copied rows in $limit_ms ms = $import_limit rows/s; the query side caught up $waited s after"
fig import.rate "$import_rate"
fig import.limit "$import_limit"
fig detail.import_rows "$rows"
fig detail.import_reports "$imported"
fig detail.import_seconds "$(awk -v ms="$import_ms" 'BEGIN { printf "%.1f", ms / 1000 }')"
fig detail.import_limit_seconds "$(awk -v ms="$limit_ms" 'BEGIN { printf "%.2f", ms / 1000 }')"
fig detail.import_query_side_caught_up_after_seconds "$waited"
stage_done import
[ $keep = 1 ] || rm -f "$file"

# ---- the rest of the store, seeded ----

if [ "$seeded" -gt 0 ]; then
    stage_start
    say "seeding reports $((imported + 1)) to $reports by SQL, with the query side stopped ..."
    stop "$query_pid"
    $pg -d "$db" -v chronicle=generated -v from=$((imported + 1)) -v to="$reports" -f bench/seed-generated.sql
    head=$(head_position)
    # The live set's tokens go to the head: its tables miss the seeded events, but the rebuild below
    # fills the other set from the first event and readers use that set from then on.
    sql "UPDATE token_entry t SET token = convert_to('{\"index\":$head,\"gaps\":[]}', 'UTF8'),
             token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'
         FROM projection_set s
         WHERE t.processor_name = CASE s.active WHEN 'BLUE' THEN s.projection ELSE s.projection || '-green' END" > /dev/null
    query_lives=2
    start query-side "$query_jar" "$work/query-side-2.jfr"; query_pid=$started_pid
    query_port=$(await query-side "$query_pid")
    qs="http://127.0.0.1:$query_port"
    settle > /dev/null
    say "seeded $seeded reports; the query side runs again on $qs (pid $query_pid)"
    fig note.1 "Of the $reports reports, $imported were imported through the API (the import's rate is theirs) and $seeded seeded by SQL (bench/seed-generated.sql: the same reports and events the file would hold). The query side was stopped meanwhile and its live table set moved to the head without reading them; the rebuild fills the other set from the first event, and every later read uses it."
    stage_done seed
fi

# ---- rebuild ----

stage_start
$pg -d "$db" -c ANALYZE
events=$(sql "SELECT count(*) FROM domain_event_entry")
state=$(curl -sf -u "$auth" "$qs/api/v1/admin/projections")
projections=$(echo "$state" | grep -o '"name":"[a-z]*"' | cut -d'"' -f4 | tr '\n' ' ')
if echo "$state" | grep -q '"name":"casualties"[^}]*"activeSet":"BLUE"'; then target=GREEN; else target=BLUE; fi
jcmd "$query_pid" JFR.start name=rebuild settings=profile "filename=$PWD/$work/rebuild.jfr" > /dev/null
work_before=$(table_work "relname NOT IN ($command_tables, 'bench_event_entry')")
# Where the CPU goes meanwhile: the query side's JVM, the database's backends (its pools), the machine.
ticks_of() { for pid in "$@"; do [ -r "/proc/$pid/stat" ] && echo "$pid $(awk '{ print $14 + $15 }' "/proc/$pid/stat")"; done; true; }
backends() { sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat; }
# shellcheck disable=SC2046
ticks_of $(backends) > "$work/backends.before"
jvm_before=$(ticks_of "$query_pid" | cut -d' ' -f2)
machine_before=$(machine_ticks)
say "rebuild: every projection ($(echo $projections | tr ' ' ',')) over $events events into the $target sets ..."
analyze_start
from=$(now_ms)
for projection in $projections; do
    curl -sf -o /dev/null -u "$auth" -X POST "$qs/api/v1/admin/projections/$projection/rebuild"
done
pending=" $projections "
last=0
while [ -n "${pending// /}" ]; do
    sleep 0.5
    state=$(curl -sf -u "$auth" "$qs/api/v1/admin/projections" || true)
    for projection in $pending; do
        if echo "$state" | grep -q "\"name\":\"$projection\"[^}]*\"activeSet\":\"$target\",\"rebuildingSet\":null"; then
            fig "detail.rebuild_${projection}_seconds" "$(seconds_since "$from")"
            pending=${pending/ $projection / }
        fi
    done
    if [ $(( ($(now_ms) - from) / 30000 )) -gt "$last" ]; then
        last=$(( ($(now_ms) - from) / 30000 ))
        say "  rebuild: $(echo "$state" | grep -o '"name":"[a-z]*","status":"[A-Z]*","position":[0-9]*' | sed -E 's/"name":"([a-z]*)","status":"[A-Z]*","position":/\1 /' | tr '\n' ' ')of $events"
    fi
done
rebuild_ms=$(( $(now_ms) - from ))
# shellcheck disable=SC2046
ticks_of $(backends) > "$work/backends.after"
jvm_after=$(ticks_of "$query_pid" | cut -d' ' -f2)
machine_after=$(machine_ticks)
analyze_stop
jcmd "$query_pid" JFR.stop name=rebuild > /dev/null
rebuild_rate=$(awk -v n="$events" -v ms="$rebuild_ms" 'BEGIN { printf "%.1f", n / (ms / 1000) }')
limit_line=$(java -cp "$work/lib/*" bench/RebuildLimit.java "$url")
rebuild_limit=$(echo "$limit_line" | sed -E 's/.* = ([0-9.]+) events\/s.*/\1/')
say "rebuild: $events events in $(awk -v ms="$rebuild_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s = $rebuild_rate events/s; limit: $limit_line"
sleep 2    # lets every backend report its statistics
per_event=$(work_per "$events" "$work_before" "$(table_work "relname NOT IN ($command_tables, 'bench_event_entry')")")
say "rebuild: per event, about $per_event (PostgreSQL's statistics, every projection together)"
fig detail.rebuild_work_per_event "$per_event"
hz=$(getconf CLK_TCK)
backend_ticks=$(awk 'NR == FNR { b[$1] = $2; next } { s += $2 - ($1 in b ? b[$1] : 0) } END { print s + 0 }' \
    "$work/backends.before" "$work/backends.after")
cpu=$(awk -v hz="$hz" -v n="$events" -v ms="$rebuild_ms" -v cores="$(nproc)" -v jvm=$((jvm_after - jvm_before)) -v pg="$backend_ticks" \
          -v mb="$machine_before" -v ma="$machine_after" 'BEGIN {
    split(mb, b, " "); split(ma, a, " "); wall = ms / 1000
    printf "of %.0f s on %d cores: the query side'"'"'s JVM %.0f CPU-s (%.0f%% of one core), its PostgreSQL backends %.0f CPU-s (%.0f%%), the whole machine busy %.0f%% of its cores; per event %.0f us in the JVM and %.0f us in PostgreSQL",
           wall, cores, jvm / hz, 100 * jvm / hz / wall, pg / hz, 100 * pg / hz / wall,
           100 * (a[1] - b[1]) / ((a[1] - b[1]) + (a[2] - b[2])), 1e6 * jvm / hz / n, 1e6 * pg / hz / n }')
say "rebuild: CPU $cpu"
fig detail.rebuild_cpu "$cpu"
fig rebuild.rate "$rebuild_rate"
fig rebuild.limit "$rebuild_limit"
fig rebuild.events "$events"
fig detail.rebuild_seconds "$(awk -v ms="$rebuild_ms" 'BEGIN { printf "%.1f", ms / 1000 }')"
stage_done rebuild

# ---- visible latency ----

stage_start
$pg -d "$db" -c ANALYZE
line=$(CHRONICLE_BENCH_AUTH="$auth" java bench/VisibleLatency.java "$cs" "$qs" "$visible" visible | tee -a "$work/visible.log" | tail -n 1)
fig visible_p50_ms "$(echo "$line" | sed -E 's/.*"p50_ms": ([0-9.]+).*/\1/')"
fig visible_p99_ms "$(echo "$line" | sed -E 's/.*"p99_ms": ([0-9.]+).*/\1/')"
fig detail.visible_max_ms "$(echo "$line" | sed -E 's/.*"max_ms": ([0-9.]+).*/\1/')"
say "$(head -n 1 "$work/visible.log")"
stage_done visible

# ---- reads ----

stage_start
settle > /dev/null
$pg -d "$db" -c ANALYZE
span=$(sql "SELECT min(time_stamp) || ' ' || max(time_stamp) FROM domain_event_entry
            WHERE aggregate_identifier = 'generated' OR aggregate_identifier LIKE 'generated/%'")
say "reads: $requests days, $requests days with asKnownAt, the list of days ($lists) ..."
# shellcheck disable=SC2086
java bench/DayReads.java "$qs" generated "$requests" $span "$figures" "$lists" "$read_seconds" | tee -a "$work/reads.log" | sed 's/^/  /'
stage_done reads

# ---- heap, profile, results ----

survived=true
for pid in "$command_pid" "$query_pid"; do kill -0 "$pid" 2>/dev/null || survived=false; done
grep -l OutOfMemoryError "$work"/*.log > /dev/null 2>&1 && survived=false
fig processes_survived "$survived"
stop "$query_pid"
stop "$command_pid"
fig heap_peak_mb.command_side "$(java bench/JfrSummary.java heap "$work/command-side.jfr" | cut -d' ' -f1)"
query_recordings=$(ls "$work"/query-side-*.jfr)
# shellcheck disable=SC2086
fig heap_peak_mb.query_side "$(java bench/JfrSummary.java heap $query_recordings | cut -d' ' -f1)"
[ "$query_lives" = 2 ] && fig note.2 "The query side's heap peak is the larger of its two runs, before and after the seeding."
fig note.3 "The query side runs through the append and import measurements and projects what they record, as in production; each limit runs with the services idle, and every stage starts once the query side has caught up."
fig note.4 "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (at the start: $(sed -n 's/^machine.load_at_start=//p' "$figures")); other work on the machine slows rates and limits alike."
{
    echo "# Where the time goes ($mode run, $stamp)"
    echo
    echo "\`$command\`; the figures are in \`$stamp-$mode.json\`."
    echo
    echo "## The rebuild"
    echo
    echo "JFR (settings=profile) on the query side from the four POSTs to the last switch: $events events in $(awk -v ms="$rebuild_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s."
    echo "Per event, every projection together, about $per_event (PostgreSQL's statistics)."
    echo "CPU, $cpu."
    echo
    echo '```'
    java bench/JfrSummary.java hot "$work/rebuild.jfr" 25
    echo '```'
    echo
    echo "## The import"
    echo
    echo "JFR (settings=default) on the command side, its import job's thread. Per row, $(sed -n 's/^detail.import_work_per_row=//p' "$figures")."
    echo
    echo '```'
    java bench/JfrSummary.java hot "$work/command-side.jfr" 25 import-jobs
    echo '```'
    echo
    echo "## The appends"
    echo
    echo "JFR (settings=default) on the command side, its request threads (the appends, and the visible-latency run's few hundred writes)."
    echo "Per report, 1 client: $(sed -n 's/^detail.append_1_work_per_report=//p' "$figures"); 16 clients: $(sed -n 's/^detail.append_16_work_per_report=//p' "$figures")."
    echo
    echo '```'
    java bench/JfrSummary.java hot "$work/command-side.jfr" 25 -exec-
    echo '```'
} > "bench/results/profile-$mode.md"
fig duration_seconds "$(seconds_since "$began")"
java bench/Report.java "$figures" bench/results BENCHMARKS.md
say "wrote bench/results/latest.json, bench/results/$stamp-$mode.json, bench/results/latest.md, bench/results/profile-$mode.md and the $mode table in BENCHMARKS.md"
exit
}
