#!/usr/bin/env bash
# Passes all the tests: brings up PostgreSQL, RabbitMQ and Keycloak the way deploy/run.sh does, then runs
# every module's tests and the system tests, which start the five real service jars.
# Extra arguments go to Maven (e.g. deploy/test.sh -pl lead-service -am).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

prepare_infra
log "running the tests with $JAVA_HOME"
"$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify "$@"
[[ " $* " == *" -pl "* || " $* " == *" --projects "* ]] || "$ROOT/deploy/k8s-check.sh" # needs all five services built
