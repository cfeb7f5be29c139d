#!/usr/bin/env bash
# Copies each service's generated manifests (<svc>/target/kubernetes/kubernetes.yml, written by the Maven build)
# into deploy/k8s/base/<svc>.yml under a "generated, do not edit" banner (deploy/k8s/validate/base.mjs).
# Usage: deploy/k8s/generate-base.sh           write the base (after ./mvnw -B package -DskipTests)
#        deploy/k8s/generate-base.sh --check   fail if the committed base differs from the build's output
set -euo pipefail
VALIDATE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/validate"
[ -d "$VALIDATE/node_modules/yaml" ] || (cd "$VALIDATE" && npm ci --no-audit --no-fund --loglevel=error >&2)
exec node "$VALIDATE/base.mjs" "$@"
