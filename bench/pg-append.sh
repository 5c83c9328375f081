#!/usr/bin/env bash
# Appends of one command-side jar on PostgreSQL beside their limit, in the same run: the jar on a
# fresh database, the benchmark's append client (bench/AppendRate.java) with 1 and then 16
# clients, each for SECONDS after as many of warm-up; pgbench's single-row INSERT of an
# event-sized row (append-limit.sql) with as many clients just before each. Prints one CSV line
# per client count: clients, reports/s, limit inserts/s, ratio. Run it for two jars in turns to
# compare them on a noisy machine:
#
#   bench/pg-append.sh JAR [SECONDS]     (default 15)
#
# Needs a PGUSER (default postgres) that may create databases, and pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$1
seconds=${2:-15}
user=${PGUSER:-postgres}
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q -X -tA"
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1)
[ -n "$pgbench" ] || { echo "pgbench is not installed" >&2; exit 1; }

db="append_$(date +%s)"
work=$(mktemp -d)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
pid=
finish() {
    [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null || true
    rm -rf "$work"
}
trap finish EXIT

$pg -d postgres -c "CREATE DATABASE $db" > /dev/null
$pg -d "$db" -f bench/limit-table.sql > /dev/null 2>&1
CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=$user" CHRONICLE_ADMIN_PASSWORD="$password" PORT=0 \
    java -Xmx512m -jar "$jar" > "$work/command-side.log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 600); do
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/command-side.log" | tail -n 1)
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break
    port=
    sleep 0.5
done
[ -n "$port" ] || { echo "the command side did not start" >&2; tail -n 40 "$work/command-side.log" >&2; exit 1; }

limit() {   # CLIENTS -> inserts/s
    $pg -d "$db" -c "TRUNCATE bench_event_entry" > /dev/null
    "$pgbench" -h 127.0.0.1 -U "$user" -n -M prepared -c "$1" -j $(( $1 > 1 ? 2 : 1 )) -T "$seconds" \
        -f bench/append-limit.sql "$db" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | awk '{ printf "%.0f", $1 }'
}
rate() {    # CLIENTS -> reports/s
    CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" 0 \
        --clients "$1" --seconds "$seconds" --warm "$seconds" | sed -E 's/.* = ([0-9]+) reports\/s.*/\1/'
}

echo "clients,reports_per_s,limit_per_s,ratio"
for clients in 1 16; do
    l=$(limit "$clients")
    r=$(rate "$clients")
    awk -v c="$clients" -v r="$r" -v l="$l" 'BEGIN { printf "%d,%d,%d,%.3f\n", c, r, l, r / l }'
done
