#!/usr/bin/env bash
# Does a command's cost grow with the store? Measures the single-client append rate through the
# HTTP API (each report acknowledged after its commit) into an empty store and into a store that
# already holds 100,000 reports, with the same command. This machine's rates swing by a third
# from run to run, so the two stores are measured in turns, ROUNDS times each, on freshly started
# services, and the medians are compared.
#
#   bench/append-at-scale.sh [REPORTS_PER_RUN] [SEEDED_REPORTS] [ROUNDS]
#
# Needs a PostgreSQL on 127.0.0.1:5432 where PGUSER (default postgres) may create databases, and
# the built jars (mvn -B -q package -DskipTests). Creates and drops its own databases.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3000}
seeded=${2:-100000}
rounds=${3:-3}
user=${PGUSER:-postgres}
port=18181
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q"
jar=$(ls command-side/target/command-side-*-exec.jar)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
empty="chronicle_bench_empty_$$"
full="chronicle_bench_full_$$"
log=bench/results/append-at-scale.log
mkdir -p bench/results
: > "$log"

cleanup() {
    if [ -n "${service:-}" ]; then kill "$service" 2>/dev/null; wait "$service" 2>/dev/null || true; fi
    for db in "$empty" "$full"; do $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; done
}
trap cleanup EXIT

start() {
    CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1?user=$user" CHRONICLE_ADMIN_PASSWORD="$password" \
        PORT=$port java -Xmx512m -jar "$jar" >> "$log" 2>&1 &
    service=$!
    for _ in $(seq 1 90); do
        curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && return
        sleep 1
    done
    echo "the command side did not start; see $log" >&2
    exit 1
}

stop() {
    kill "$service" && wait "$service" 2>/dev/null || true
    service=
}

# Prints the rate of one measurement on database $1, on a freshly started service.
measure() {
    start "$1"
    CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" "$runs" \
        | sed -E 's/.* = ([0-9]+) reports\/s.*/\1/'
    stop
}

median() {
    sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

for db in "$empty" "$full"; do
    $pg -d postgres -c "CREATE DATABASE $db"
    start "$db"; stop    # lets the service create its schema
done
echo "seeding $seeded reports into $full, as the command side would have stored them ..."
$pg -d "$full" -v seeded="$seeded" -f bench/seed-reports.sql

: > bench/results/append-empty.txt
: > bench/results/append-seeded.txt
for round in $(seq 1 "$rounds"); do
    rate=$(measure "$empty"); echo "round $round, empty store:  $rate reports/s"; echo "$rate" >> bench/results/append-empty.txt
    rate=$(measure "$full");  echo "round $round, $seeded-report store: $rate reports/s"; echo "$rate" >> bench/results/append-seeded.txt
done
empty_median=$(median < bench/results/append-empty.txt)
full_median=$(median < bench/results/append-seeded.txt)
echo "median append_1: empty store $empty_median reports/s, $seeded-report store $full_median reports/s"
awk -v e="$empty_median" -v f="$full_median" 'BEGIN { printf "difference: %.1f%% of the empty store'"'"'s rate\n", (e - f) / e * 100 }'
