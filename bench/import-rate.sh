#!/usr/bin/env bash
# Import rate: rows per second of a UCDP GED import through the command side's HTTP API (each
# row a report, through the aggregates' rules), for a generated file and for the real sample.
# Creates its own database, starts the command-side jar, posts the file (a large one runs as a
# job, polled until done) and writes bench/results/import-rate.json.
#
#   bench/import-rate.sh [ROWS=1000000]
#
# Needs a PostgreSQL on 127.0.0.1:5432 where PGUSER (default postgres) may create databases, and
# the built jars (mvn -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
user=${PGUSER:-postgres}
port=18183
db="chronicle_bench_import_$$"
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q"
jar=$(ls command-side/target/command-side-*-exec.jar)
file=$(mktemp --suffix=.csv)
mkdir -p bench/results
log=bench/results/import-rate.log

cleanup() {
    if [ -n "${service:-}" ]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -f "$file"
}
trap cleanup EXIT

$pg -d postgres -c "CREATE DATABASE $db"
CHRONICLE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=$user" CHRONICLE_ADMIN_PASSWORD="$password" \
    PORT=$port java -Xmx512m -jar "$jar" > "$log" 2>&1 &
service=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break; sleep 1; done

# Seconds to import FILE into CHRONICLE, whether it answers at once or as a job.
import() {
    local started ended location
    started=$(date +%s.%N)
    location=$(curl -sf -u "admin:$password" -H 'Content-Type: text/csv' --data-binary "@$1" -D - -o /dev/null \
        "http://127.0.0.1:$port/api/v1/chronicles/$2/imports?format=ucdp" | tr -d '\r' | sed -n 's/^Location: //Ip')
    if [ -n "$location" ]; then
        while :; do
            state=$(curl -sf "http://127.0.0.1:$port$location")
            case "$state" in *'"status":"RUNNING"'*) echo "$state" | grep -o '"processed":[0-9]*,"total":[0-9]*' >&2; sleep 10 ;; *) break ;; esac
        done
        echo "$state" | grep -o '"accepted":[0-9]*,"refused":[0-9]*' >&2
    fi
    ended=$(date +%s.%N)
    awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }'
}

sample=app/src/test/resources/ucdp/ged231-sample-1000.csv
sample_seconds=$(import "$sample" ucdp-sample)
java bench/GenerateGed.java "$rows" "$file"
generated_seconds=$(import "$file" generated)

cat > bench/results/import-rate.json <<JSON
{
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "command": "bench/import-rate.sh $rows",
  "ucdp_sample": {"rows": 1000, "seconds": $sample_seconds, "rows_per_second": $(awk -v s="$sample_seconds" 'BEGIN { printf "%.0f", 1000 / s }')},
  "generated": {"rows": $rows, "seconds": $generated_seconds, "rows_per_second": $(awk -v n="$rows" -v s="$generated_seconds" 'BEGIN { printf "%.0f", n / s }')}
}
JSON
cat bench/results/import-rate.json
