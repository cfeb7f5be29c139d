#!/usr/bin/env bash
# Runs the whole platform locally: infrastructure, Keycloak, the four services and the gateway.
# Usage: deploy/run.sh [--no-build]
# Extra JVM options for every service: LEAD_PLATFORM_JAVA_OPTS (e.g. a JFR recording, see the README).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build=1
[ "${1:-}" = "--no-build" ] && build=0

prepare_infra
ensure_autovacuum
if [ "$build" = 1 ]; then
  log "building the jars (tests skipped; deploy/test.sh runs them)"
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" package -DskipTests
fi

mkdir -p "$RUN_DIR"
declare -A PORTS=([lead-service]=8081 [scoring-service]=8082 [routing-service]=8083 [sla-service]=8084 [gateway]=8080)
# The management interface of each (/q/health, /q/metrics): quarkus.management.port's defaults.
declare -A MANAGEMENT_PORTS=([lead-service]=9081 [scoring-service]=9082 [routing-service]=9083 [sla-service]=9084 [gateway]=9080)
for svc in "${SERVICES[@]}"; do
  pidfile="$RUN_DIR/$svc.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "$svc already running (pid $(cat "$pidfile"))"; continue
  fi
  for port in "${PORTS[$svc]}" "${MANAGEMENT_PORTS[$svc]}"; do
    port_open "$port" && die "port $port is taken; stop whatever holds it (deploy/stop.sh)"
  done
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing: run without --no-build"
  heap=128m; [ "$svc" = gateway ] && heap=256m
  log "starting $svc on ${PORTS[$svc]} (management ${MANAGEMENT_PORTS[$svc]})"
  # shellcheck disable=SC2086 # word splitting of the options is intended
  # Five JVMs share this machine's cores with PostgreSQL and RabbitMQ: C1 only, since C2's compilations cost more
  # CPU than its faster code saved (41 against 46 ms of CPU per lead at 60 leads/s, and 80 MiB less RSS per
  # service). A pod with cores of its own keeps the JVM's default.
  nohup "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${LEAD_PLATFORM_JAVA_OPTS:-} \
    -jar "$jar" >"$RUN_DIR/$svc.log" 2>&1 &
  echo $! >"$pidfile"
done

for svc in "${SERVICES[@]}"; do
  wait_for "$svc (log: $RUN_DIR/$svc.log)" 120 curl -fsS "http://localhost:${MANAGEMENT_PORTS[$svc]}/q/health/ready"
done

cat <<MSG

Lead Platform is up.
  Gateway:   http://localhost:8080   (OpenAPI: http://localhost:8080/q/openapi)
  Keycloak:  $KC_URL   (admin/admin; realm lead-platform)
  Health and metrics, on each service's management port (/q/health/ready, /q/metrics):
$(for svc in "${SERVICES[@]}"; do printf '    %-16s http://localhost:%s/q/health  http://localhost:%s/q/metrics\n' \
    "$svc" "${MANAGEMENT_PORTS[$svc]}" "${MANAGEMENT_PORTS[$svc]}"; done)
  Logs:      $RUN_DIR/*.log

A demo token (users mara, sam, xena, xavier, mel, sol, lea, pat; password demo):
  TOKEN=\$(curl -s -d grant_type=password -d client_id=lead-platform-cli -d username=mara -d password=demo \\
    $KC_URL/realms/lead-platform/protocol/openid-connect/token | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')
Stop everything with: deploy/stop.sh
MSG
