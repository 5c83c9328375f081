#!/usr/bin/env bash
# Statements, that is round trips, that PostgreSQL receives per write: starts the command side on
# a fresh database, warms it up, then turns on PostgreSQL's statement log for a moment while one
# client records REPORTS reports one after another (and as many corrections of them), and counts
# the lines the service's connections logged, in all and by kind of statement.
#
#   bench/round-trips.sh [REPORTS]     (default 50; KEEP=1 keeps the statements, in a directory it names)
#
# The statement log is switched on server-wide (ALTER SYSTEM, reloaded) and off again at the end,
# so PGUSER must be a superuser; only lines of the run's own database are counted. Needs the
# command side's jar (mvn -B -q package -DskipTests) and the server's log file, PG_LOG (default
# Debian's /var/log/postgresql/postgresql-MAJOR-main.log).
set -euo pipefail
cd "$(dirname "$0")/.."

reports=${1:-50}
user=${PGUSER:-postgres}
pg="psql -h 127.0.0.1 -U $user -v ON_ERROR_STOP=1 -q -X -tA"
major=$($pg -d postgres -c "SHOW server_version_num" | cut -c1-2)
log=${PG_LOG:-/var/log/postgresql/postgresql-$major-main.log}
[ -r "$log" ] || { echo "cannot read the server log $log; set PG_LOG" >&2; exit 1; }
jar=${JAR:-$(ls command-side/target/command-side-*-exec.jar 2>/dev/null | head -n 1)}
[ -n "$jar" ] || { echo "no command-side jar: mvn -B -q package -DskipTests" >&2; exit 1; }

db="rt_$(date +%s)"
work=$(mktemp -d)
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
pid=
finish() {
    $pg -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null || true
    [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null || true
    if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
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
[ -n "$port" ] || { echo "the command side did not start" >&2; exit 1; }
base="http://127.0.0.1:$port/api/v1/chronicles/rt"

send() {    # METHOD PATH BODY -> status
    curl -s -o "$work/answer" -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' \
        -X "$1" "$base$2" --data-binary "$3"
}
report() {   # ID KILLED
    printf '{"reportId": "%s", "type": "CASUALTIES", "date": "2012-02-01", "area": "x", "summary": "Shelling of the town",
      "sources": [{"name": "Dispatch", "publisher": "AFP", "publishedOn": "2012-02-01"}],
      "casualties": [{"party": "civilians", "killed": %d}]}' "$1" "$2"
}
correction() {  # KILLED
    printf '{"reason": "revised toll", "sources": [{"name": "Later dispatch", "publisher": "AFP", "publishedOn": "2012-02-03"}],
      "report": {"type": "CASUALTIES", "date": "2012-02-01", "area": "x", "summary": "Shelling of the town, revised",
      "sources": [{"name": "Dispatch", "publisher": "AFP", "publishedOn": "2012-02-01"}],
      "casualties": [{"party": "civilians", "killed": %d}]}}' "$1"
}
expect() {  # WANTED STATUS
    [ "$2" = "$1" ] || { echo "expected $1, got $2: $(cat "$work/answer")" >&2; exit 1; }
}

expect 201 "$(send PUT "" '{"name": "Round trips", "period": {"start": "2012-01-29", "end": "2012-03-31"},
  "sides": [{"id": "fsa", "name": "Free Syrian Army"}], "areas": [{"id": "x", "name": "X"}], "initialControl": []}')"
for i in $(seq 1 200); do   # warm-up: pools, caches, the JIT's first passes
    expect 201 "$(send POST /reports "$(report "warm-$i" 1)")"
done

count() {   # FROM-BYTE -> the log lines of the run's database after that byte, one statement a line
    tail -c +"$(( $1 + 1 ))" "$log" | grep -a "@$db " | grep -aE 'LOG:  (statement|execute [^:]*):' \
        | sed -E 's/.*LOG:  (statement|execute [^:]*): //' || true
}
measure() { # NAME, then the requests on stdin -> prints the per-request figures
    local name=$1 from
    $pg -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
    sleep 1
    from=$(stat -c %s "$log")
    "$name"
    sleep 1
    $pg -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null
    count "$from" > "$work/$name.sql"
    local total
    total=$(wc -l < "$work/$name.sql")
    awk -v n="$reports" -v total="$total" -v name="$name" 'BEGIN { printf "%s: %d statements for %d requests = %.2f a request\n", name, total, n, total / n }'
    # Kinds: the statement's first words, literals and identifiers of rows aside.
    sed -E 's/^(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) .*/\1/; s/^(INSERT INTO [a-z_]+).*/\1/;
            s/^(UPDATE [a-z_]+).*/\1/; s/^(DELETE FROM [a-z_]+).*/\1/;
            s/^(SELECT) .* FROM ([a-z_]+).*/\1 ... FROM \2/; s/^(select) .* from ([a-z_]+).*/\1 ... from \2/' \
        "$work/$name.sql" | sort | uniq -c | sort -rn \
        | awk -v n="$reports" '{ c = $1; $1 = ""; printf "  %6.2f %s\n", c / n, substr($0, 2) }'
}
record() {
    for i in $(seq 1 "$reports"); do expect 201 "$(send POST /reports "$(report "r-$i" 2)")"; done
}
correct() {
    for i in $(seq 1 "$reports"); do expect 201 "$(send POST "/reports/r-$i/corrections" "$(correction 3)")"; done
}
measure record
measure correct
