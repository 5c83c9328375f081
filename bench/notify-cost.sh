#!/usr/bin/env bash
# What the NOTIFY of every appending transaction costs the appends: one command side on a fresh
# database, 16 clients (bench/AppendRate.java), measured in turns with the store's notify trigger
# (migration V3) in place and dropped, so that the machine's noise falls on both alike.
#
#   [JAR=command-side.jar] bench/notify-cost.sh [SECONDS] [TURNS] [CLIENTS]     (defaults 10, 3, 16)
#
# PostgreSQL takes a cluster-wide lock for NOTIFY from the commit's start until after its WAL
# flush, so notifying commits cannot share a flush; without the trigger they can. Migration V4
# drops the trigger (the writers notify after their commits): measure with a jar from before it,
# JAR=.../command-side-...-exec.jar (commit 3227898 or earlier). Needs the
# command side's jar (mvn -B -q package -DskipTests) and a PGUSER (default postgres) that may
# create databases.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
turns=${2:-3}
clients=${3:-16}
user=${PGUSER:-postgres}
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q -X -tA"
jar=${JAR:-$(ls command-side/target/command-side-*-exec.jar 2>/dev/null | head -n 1)}
[ -n "$jar" ] || { echo "no command-side jar: mvn -B -q package -DskipTests" >&2; exit 1; }

db="notify_$(date +%s)"
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

rate() {    # -> reports/s
    CHRONICLE_BENCH_AUTH="admin:$password" java bench/AppendRate.java "http://127.0.0.1:$port" 0 \
        --clients "$clients" --seconds "$seconds" --warm "$1" | sed -E 's/.* = ([0-9]+) reports\/s.*/\1/'
}
has_trigger() {
    [ "$($pg -d "$db" -c "SELECT count(*) FROM pg_trigger WHERE tgname = 'domain_event_entry_notify'")" = 1 ]
}
drop() { $pg -d "$db" -c "DROP TRIGGER domain_event_entry_notify ON domain_event_entry"; }
create() {
    $pg -d "$db" -c "CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
        FOR EACH STATEMENT EXECUTE FUNCTION chronicle_events_appended()"
}

has_trigger || { echo "this store has no notify trigger to measure" >&2; exit 1; }
rate 20 > /dev/null   # the JIT's warm-up
echo "turn,notify,clients,reports_per_s"
for turn in $(seq 1 "$turns"); do
    has_trigger || create
    echo "$turn,trigger,$clients,$(rate 2)"
    drop
    echo "$turn,none,$clients,$(rate 2)"
done
