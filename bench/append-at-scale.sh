#!/usr/bin/env bash
# Does a command's cost grow with the chronicle? Measures the single-client append rate through
# the HTTP API into an empty store, then again into the same store after 100,000 more reports,
# with the same command both times.
#
#   bench/append-at-scale.sh [REPORTS_PER_RUN] [SEEDED_REPORTS]
#
# Needs a PostgreSQL on 127.0.0.1:5432 where the current user (or PGUSER) may create databases,
# and the built jars (mvn -B -q package -DskipTests). Creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3000}
seeded=${2:-100000}
db="chronicle_bench_$$"
port=18181
pg="psql -h 127.0.0.1 -U ${PGUSER:-postgres} -v ON_ERROR_STOP=1 -q"
jar=$(ls command-side/target/command-side-*-exec.jar)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')

$pg -d postgres -c "CREATE DATABASE $db"
cleanup() {
    [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null || true
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT

CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=${PGUSER:-postgres}" \
CHRONICLE_ADMIN_PASSWORD="$password" PORT=$port \
    java -Xmx512m -jar "$jar" > "bench/results/append-at-scale.log" 2>&1 &
service=$!
for _ in $(seq 1 90); do
    curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break
    sleep 1
done

echo "empty store:"
CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" "$runs" | tee bench/results/append-empty.txt

echo "seeding $seeded reports in one chronicle, as the command side would have stored them ..."
$pg -d "$db" -v seeded="$seeded" -f bench/seed-reports.sql

echo "store with $seeded more reports:"
CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" "$runs" | tee bench/results/append-seeded.txt
