#!/usr/bin/env bash
# Cross-process latency: the time from the command side's 201 until the report shows in the
# query side's read models, with the command side and the query side as two processes (java -jar)
# on one PostgreSQL. Measured once per mode, each on a database of its own and freshly started
# services: "listen" (the default: the query side LISTENs on chronicle_events) and "poll"
# (chronicle.events.listen=false: the event store's fetch delay and the processors' own re-check).
#
#   bench/visible-latency.sh [REPORTS] [MODES]        e.g. bench/visible-latency.sh 500 "listen poll"
#
# Needs a PostgreSQL on 127.0.0.1:5432 where PGUSER (default postgres) may create databases, and
# the built jars (mvn -B -q package -DskipTests). Creates and drops its own databases. Prints
# p50/p90/p99/max per mode and writes them to bench/results/visible-latency.json.
set -euo pipefail
cd "$(dirname "$0")/.."

reports=${1:-500}
modes=${2:-listen poll}
user=${PGUSER:-postgres}
fetch_delay=${FETCH_DELAY:-100ms}
command_port=18281
query_port=18282
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q"
command_jar=$(ls command-side/target/command-side-*-exec.jar)
query_jar=$(ls query-side/target/query-side-*-exec.jar)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
db="chronicle_bench_latency_$$"
log=bench/results/visible-latency.log
results=bench/results/visible-latency.json
mkdir -p bench/results
: > "$log"
services=()

stop_services() {
    for pid in "${services[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${services[@]}"; do wait "$pid" 2>/dev/null || true; done
    services=()
}

cleanup() {
    stop_services
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -f "$results.tmp"
}
trap cleanup EXIT

# start JAR PORT [JVM options...]: starts a service on the bench database and waits for its health.
start() {
    local jar=$1 port=$2
    shift 2
    CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=$user" CHRONICLE_ADMIN_PASSWORD="$password" \
        PORT=$port java -Xmx512m "$@" -jar "$jar" >> "$log" 2>&1 &
    services+=($!)
    for _ in $(seq 1 90); do
        curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && return
        sleep 1
    done
    echo "$jar did not start; see $log" >&2
    exit 1
}

: > "$results.tmp"
for mode in $modes; do
    case $mode in
        listen) listen=true ;;
        poll) listen=false ;;
        *) echo "unknown mode $mode (listen or poll)" >&2; exit 2 ;;
    esac
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    $pg -d postgres -c "CREATE DATABASE $db"
    echo "== $mode: chronicle.events.listen=$listen, chronicle.events.fetch-delay=$fetch_delay" | tee -a "$log"
    start "$command_jar" $command_port
    start "$query_jar" $query_port -Dchronicle.events.listen=$listen -Dchronicle.events.fetch-delay=$fetch_delay
    CHRONICLE_BENCH_AUTH="admin:$password" java bench/VisibleLatency.java "http://127.0.0.1:$command_port" \
        "http://127.0.0.1:$query_port" "$reports" "$mode" | tee /dev/stderr | tail -n 1 \
        | sed -E "s/}\$/, \"listen\": $listen, \"fetch_delay\": \"$fetch_delay\"}/" >> "$results.tmp"
    stop_services
done
{
    echo "{\"measured_at\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"cpus\": $(nproc), \"runs\": ["
    sed '$!s/$/,/' "$results.tmp" | sed 's/^/  /'
    echo "]}"
} > "$results"
echo "wrote $results"
