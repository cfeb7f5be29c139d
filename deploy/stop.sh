#!/usr/bin/env bash
# Stops what deploy/run.sh started, by PID: the gateway, the services and Keycloak.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for svc in gateway "${SERVICES[@]}"; do
  if [ -f "$RUN_DIR/$svc.pid" ]; then
    log "stopping $svc (pid $(cat "$RUN_DIR/$svc.pid"))"
    stop_pidfile "$RUN_DIR/$svc.pid"
  fi
done
if [ -f "$KC_BASE/keycloak.pid" ]; then
  log "stopping Keycloak"
  stop_keycloak
fi
log "stopped (PostgreSQL and RabbitMQ are shared system services and stay up)"
