# Sourced by the session benchmarks: starts the production jar on its own embedded PostgreSQL (own
# data directory and ports), waits until the demo organisation is seeded, enables the Juuti deck
# for it, and stops everything on exit. Sets APP_PID, BASE, PG_PORT.
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# free ports unless given: other builds and tests on the machine must not collide with the bench
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
APP_PORT=${APP_PORT:-$(free_port)}
PG_PORT=${PG_PORT:-$(free_port)}
MGMT_PORT=${MGMT_PORT:-$(free_port)}
BASE="http://localhost:$APP_PORT"
HEAP=${HEAP:-1g}
# APP_ARGS="--server.tomcat.x=y …" passes Spring properties to the measured app only (bench flags, not app config)
# JAR=/path/to/other/arki.jar measures another build (e.g. the one before a change) with the same harness
JAR=${JAR:-$ROOT/ui-vaadin/target/arki.jar}

build_jar() {
  if [ "$JAR" = "$ROOT/ui-vaadin/target/arki.jar" ] && { [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; }; then
    echo "building the production jar…" >&2
    (cd "$ROOT" && ./mvnw -B -q -Pproduction -DskipTests package)
  fi
}

start_app() {
  build_jar
  # a data directory of its own per start, removed by stop_app
  WORK=$(mktemp -d /tmp/arki-bench-XXXXXX)
  PORT=$APP_PORT MANAGEMENT_PORT=$MGMT_PORT ARKI_DATABASE_EMBEDDED_DATA_DIR="$WORK/pg" ARKI_DATABASE_EMBEDDED_PORT=$PG_PORT \
    "$JAVA_HOME/bin/java" -Xms$HEAP -Xmx$HEAP -XX:+UseG1GC ${JAVA_BENCH_OPTS:-} -jar "$JAR" \
    --logging.level.root=WARN ${APP_ARGS:-} > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  trap 'stop_app' EXIT
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login" || true)" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "Arki died:" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 0.2
  done
  until psql -q -h localhost -p "$PG_PORT" -U postgres -d arki -tAc "select 1 from tenant where slug = 'demo'" 2>/dev/null | grep -q 1; do
    sleep 0.2
  done
  psql -q -h localhost -p "$PG_PORT" -U postgres -d arki -c \
    "insert into deck_enablement (tenant_id, deck_id) select id, 'juuti' from tenant where slug = 'demo' on conflict do nothing" >/dev/null
  # the load average when the measured app is up: every row reports it beside the load at its end
  LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
  export APP_PID BASE PG_PORT LOAD_START
  echo "Arki up on $BASE (pid $APP_PID, PostgreSQL on $PG_PORT, heap $HEAP, load $LOAD_START)" >&2
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
