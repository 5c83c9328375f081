#!/usr/bin/env bash
# How fast is the read side of a large chronicle? Seeds one chronicle of REPORTS reports (with
# corrections, retractions, duplicate marks, control changes, clashes and period claims) straight
# into the event table of a fresh database, starts the query side on it (-Xmx512m), and measures:
#   - the catch-up: from the first segment claimed to every projection past the last event, which
#     gives the rebuild rate in events/s;
#   - REQUESTS GETs of random days, REQUESTS more with a random asKnownAt instant, and GETs of the
#     whole period's days (the first of them cold), each with p50/p99.
# Prints the figures and writes bench/results/day-query.json. With JFR=1 the query side records a
# flight recording of the catch-up and the queries into bench/results/day-query.jfr.
#
# The projections' statements are prepared on tables that are empty when the catch-up starts; only
# an ANALYZE (autovacuum's, in production) makes PostgreSQL plan them anew for the grown tables.
# Where the server runs with autovacuum off (as CI's does), the script runs ANALYZE every
# ANALYZE_EVERY seconds (default 10) during the catch-up instead; ANALYZE_EVERY=0 shows the
# catch-up without it, which slows down quadratically.
#
#   bench/day-query.sh [REPORTS] [REQUESTS]
#
# Needs a PostgreSQL on 127.0.0.1:5432 where PGUSER (default postgres) may create databases, and
# the built jars (mvn -B -q package -DskipTests). Creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

reports=${1:-100000}
requests=${2:-1000}
user=${PGUSER:-postgres}
port=${BENCH_PORT:-18182}
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q"
jar=$(ls query-side/target/query-side-*-exec.jar)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
db="chronicle_bench_days_$$"
log=bench/results/day-query.log
caught_up=bench/results/.day-query-caught-up.$$
every=${ANALYZE_EVERY:-10}
mkdir -p bench/results
: > "$log"

cleanup() {
    if [ -n "${service:-}" ]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
    if [ -n "${analyzer:-}" ]; then kill "$analyzer" 2>/dev/null || true; wait "$analyzer" 2>/dev/null || true; fi
    rm -f "$caught_up"
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT

start() {
    CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=$user" CHRONICLE_ADMIN_PASSWORD="$password" \
        PORT=$port java -Xmx512m "$@" -jar "$jar" >> "$log" 2>&1 &
    service=$!
}

await_healthy() {
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && return
        sleep 1
    done
    echo "the query side did not start; see $log" >&2
    exit 1
}

stop() {
    kill "$service" && wait "$service" 2>/dev/null || true
    service=
}

$pg -d postgres -c "CREATE DATABASE $db"
start; await_healthy; stop    # lets the query side create the event store's and its own tables
: > "$log"
echo "seeding $reports reports of chronicle 'seeded' into $db ..."
seed_start=$(date +%s)
$pg -d "$db" -v chronicle=seeded -v reports="$reports" -f bench/seed-chronicle.sql
events=$($pg -d "$db" -tAc "SELECT count(*) FROM domain_event_entry")
head=$($pg -d "$db" -tAc "SELECT max(global_index) FROM domain_event_entry")
echo "seeded $events events (head position $head) in $(( $(date +%s) - seed_start )) s"

jfr=()
if [ "${JFR:-0}" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=bench/results/day-query.jfr,settings=profile,dumponexit=true")
fi
if [ "$($pg -d postgres -tAc 'SHOW autovacuum')" = on ]; then
    every=0    # autovacuum analyzes the growing tables itself
elif [ "$every" != 0 ]; then
    echo "autovacuum is off on this server: ANALYZE every $every s until the projections caught up"
    ( while [ ! -e "$caught_up" ]; do sleep "$every"; [ -e "$caught_up" ] || $pg -d "$db" -c ANALYZE; done ) &
    analyzer=$!
fi
launched=$(date +%s%3N)
start "${jfr[@]}"
BENCH_REPORTS="$reports" BENCH_ANALYZE_EVERY="$every" BENCH_CAUGHT_UP="$caught_up" java bench/DayQuery.java "http://127.0.0.1:$port" seeded "$head" "$events" "$requests" \
    "$log" "$launched" bench/results/day-query.json
stop
