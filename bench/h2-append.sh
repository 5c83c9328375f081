#!/usr/bin/env bash
# The append rate of `app` on its embedded H2 default, measured with the benchmark's append
# client: 1 client, then 16, each for SECONDS after as many seconds of warm-up, on a data
# directory of its own that is removed afterwards. Prints the two lines of AppendRate, then the
# limit a synced commit has on this disk: PostgreSQL's pg_test_fsync, one 8 kB write and its
# fdatasync, in the same directory (when the server's programs are installed).
#
#   bench/h2-append.sh [SECONDS]        (jars built first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
jar=$(ls app/target/app-*.jar | grep -v original | head -n 1)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
trap 'kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; rm -rf "$work"' EXIT

(cd "$work" && CHRONICLE_ADMIN_PASSWORD="$password" exec java -Xmx512m -jar "$OLDPWD/$jar" \
    --server.port="$port" --chronicle.seed.enabled=false > "$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 0.5
done

for clients in 1 16; do
    CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" 0 \
        --clients "$clients" --seconds "$seconds" --warm "$seconds"
done

fsync=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync 2> /dev/null | sort -V | tail -n 1 || true)
if [ -n "$fsync" ]; then
    "$fsync" -s 2 -f "$work/fsync.test" | awk '/one 8kB write/ { one = 1 } one && $1 == "fdatasync" {
        printf "fsync_limit: %s synced 8 kB writes/s (pg_test_fsync, fdatasync)\n", $2; exit }'
fi
