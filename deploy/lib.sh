#!/usr/bin/env bash
# Shared helpers for deploy/run.sh, deploy/stop.sh and deploy/test.sh. Source, don't execute.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPLOY="$ROOT/deploy"
RUN_DIR="$DEPLOY/.run"
KC_VERSION="26.7.3"
# Keycloak is one per machine (port 8180), shared by every checkout: its install, pid and realm stamp live here.
STATE_DIR="${LEAD_PLATFORM_STATE:-$HOME/.lead-platform}"
KC_BASE="$STATE_DIR/keycloak"
KC_HOME="$KC_BASE/keycloak-$KC_VERSION"
KC_PORT="${KC_PORT:-8180}"
KC_URL="http://localhost:$KC_PORT"
DB_USER="${DB_USER:-leadplatform}"
DB_PASSWORD="${DB_PASSWORD:-leadplatform}"
SERVICES=(lead-service scoring-service routing-service sla-service gateway)

log() { printf '[lead-platform] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The first JDK >= 21: JAVA_HOME if it qualifies, then the system JVM directory.
pick_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/javac" ]; then
      local v
      v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$d"
        export PATH="$JAVA_HOME/bin:$PATH"
        return 0
      fi
    fi
  done
  die "no JDK >= 21 found. Install one (e.g. 'apt-get install -y openjdk-21-jdk-headless' or Temurin 21+) or set JAVA_HOME."
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 secs=$2; shift 2
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || die "$what not ready after ${secs}s"
    sleep 1
  done
}

psql_admin() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "psql -v ON_ERROR_STOP=1 -qAt $*"
  else psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; fi
}

ensure_postgres() {
  if ! port_open 5432; then
    if ! command -v pg_ctlcluster >/dev/null; then
      [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql'"
      log "installing PostgreSQL from Debian packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    wait_for PostgreSQL 60 port_open 5432
  fi
}

# Creates the platform role and one database per name, if missing.
ensure_databases() {
  psql_admin "-c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$DB_USER') THEN CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'; END IF; END\\\$\\\$\""
  for db in "$@"; do
    if [ -z "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname='$db'\"")" ]; then
      psql_admin "-c \"CREATE DATABASE $db OWNER $DB_USER\""
    fi
  done
}

# The services' tables need fresh planner statistics: without autovacuum they are never analyzed, the planner keeps
# plans made for empty tables, and lookups by a unique key turn into scans of the whole table (seen here: a 3.4 ms
# lookup of an SLA clock at 18,000 clocks). Some PostgreSQL installs have it off; any production one has it
# on. Turns it on (server-wide, persisted with ALTER SYSTEM) if it is off.
ensure_autovacuum() {
  if [ "$(psql_admin "-c 'SHOW autovacuum'")" != on ]; then
    log "turning PostgreSQL's autovacuum on (it was off: tables would never be analyzed)"
    psql_admin "-c 'ALTER SYSTEM SET autovacuum = on'"
    psql_admin "-c 'SELECT pg_reload_conf()'" >/dev/null
  fi
}

ensure_rabbitmq() {
  if ! port_open 5672; then
    if ! command -v rabbitmq-server >/dev/null; then
      [ "$(id -u)" = 0 ] || die "RabbitMQ is not installed: run 'sudo apt-get install -y rabbitmq-server'"
      log "installing RabbitMQ from Debian packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
    fi
    log "starting RabbitMQ"
    rabbitmq-server -detached || true
    wait_for RabbitMQ 90 port_open 5672
  fi
}

# A vhost of its own keeps test queues apart from the locally running platform.
ensure_vhost() {
  local vhost=$1
  command -v rabbitmqctl >/dev/null || die "rabbitmqctl not found"
  wait_for "RabbitMQ node" 60 rabbitmqctl -q await_startup
  rabbitmqctl -q list_vhosts | grep -qx "$vhost" || rabbitmqctl -q add_vhost "$vhost"
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*'
}

realm_ready() { curl -fsS -o /dev/null "$KC_URL/realms/lead-platform/.well-known/openid-configuration"; }

ensure_keycloak() {
  local realm="$DEPLOY/keycloak/lead-platform-realm.json"
  local stamp="$KC_BASE/realm.sha" sum
  sum=$(sha256sum "$realm" | cut -d' ' -f1)
  if port_open "$KC_PORT"; then
    if realm_ready && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then return 0; fi
    log "Keycloak is running with an old realm: restarting it"
    stop_keycloak
  fi
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    log "fetching Keycloak $KC_VERSION from Maven Central"
    mkdir -p "$KC_BASE"
    "$ROOT/mvnw" -q -B -N -f "$ROOT/pom.xml" dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$KC_BASE" -Dmdep.overWriteIfNewer=true
    if ! command -v unzip >/dev/null; then
      [ "$(id -u)" = 0 ] || die "unzip is missing: run 'sudo apt-get install -y unzip'"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null
    fi
    (cd "$KC_BASE" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
  fi
  mkdir -p "$KC_HOME/data/import"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$KC_HOME/data/h2"   # a changed realm file needs a clean import
  fi
  cp "$realm" "$KC_HOME/data/import/"
  log "starting Keycloak on $KC_PORT"
  KC_BOOTSTRAP_ADMIN_USERNAME="${KC_ADMIN:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    nohup "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-port="$KC_PORT" \
      >"$KC_BASE/keycloak.log" 2>&1 &
  echo $! >"$KC_BASE/keycloak.pid"
  wait_for "Keycloak (log: $KC_BASE/keycloak.log)" 180 realm_ready
  echo "$sum" >"$stamp"
}

stop_pidfile() {
  local f=$1
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

stop_keycloak() {
  stop_pidfile "$KC_BASE/keycloak.pid"
  # kc.sh execs java in a child; find it by its home directory if the pid file was lost.
  pkill -f "kc.home.dir=$KC_HOME" 2>/dev/null || true
  for _ in $(seq 1 30); do port_open "$KC_PORT" || return 0; sleep 1; done
}

password_token() { # password_token <user> [password]
  curl -fsS -d grant_type=password -d client_id=lead-platform-cli -d "username=$1" -d "password=${2:-demo}" \
    "$KC_URL/realms/lead-platform/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

SERVICE_DBS=(lead_service scoring_service routing_service sla_service)
TEST_VHOSTS=(lead-platform-test-lead lead-platform-test-scoring lead-platform-test-routing lead-platform-test-sla lead-platform-test-system
  lead-platform-test-replicas lead-platform-test-sla-replicas)

# Everything the platform and its tests need on this machine: JDK, PostgreSQL, RabbitMQ, Keycloak.
prepare_infra() {
  pick_java
  ensure_postgres
  ensure_rabbitmq
  local dbs=()
  for db in "${SERVICE_DBS[@]}"; do dbs+=("$db" "${db}_test" "${db}_system"); done
  # RoutingReplicasIT and SlaReplicasIT run two service instances of their own.
  ensure_databases "${dbs[@]}" routing_service_replicas sla_service_replicas
  for v in "${TEST_VHOSTS[@]}"; do ensure_vhost "$v"; done
  ensure_keycloak
}
