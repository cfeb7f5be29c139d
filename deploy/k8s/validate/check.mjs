// deploy/k8s-check.sh runs this after generate-base.sh --check: the realm imports are in sync with the local realm,
// and every object of every overlay renders and validates offline (no cluster).
import { readFileSync } from "node:fs";
import path from "node:path";
import { realmImportPath, realmImportYaml, K8S_DIR } from "./realm.mjs";
import { OVERLAYS, id, kustomize, render, validate } from "./render.mjs";

let failed = false;
const fail = (msg) => { failed = true; console.error(`k8s: FAIL: ${msg}`); };

for (const overlay of OVERLAYS) {
  const file = realmImportPath(overlay);
  if (readFileSync(file, "utf8") !== realmImportYaml(overlay)) {
    fail(`${path.relative(K8S_DIR, file)} is out of date with deploy/keycloak/lead-platform-realm.json: run node deploy/k8s/validate/realm.mjs`);
  }
}

let tool;
try {
  tool = kustomize();
} catch (e) {
  fail(e.message);
  process.exit(1);
}
console.log(`k8s: rendering with ${tool.name}`);
for (const overlay of OVERLAYS) {
  let objects;
  try {
    objects = render(overlay, tool);
  } catch (e) {
    fail(e.message);
    continue;
  }
  const counts = { valid: 0, structural: 0, invalid: 0 };
  const structural = new Set();
  for (const o of objects) {
    const result = await validate(o);
    counts[result.status]++;
    if (result.status === "structural") structural.add(`${o.apiVersion} ${o.kind}`);
    for (const e of result.errors) fail(`overlays/${overlay} ${id(o)}: ${e}`);
  }
  console.log(`k8s: overlays/${overlay}: ${objects.length} objects, ${counts.valid} valid against their OpenAPI schema `
    + `(Kubernetes core, prometheus-operator and CloudNativePG CRDs), ${counts.invalid} invalid`);
  if (structural.size) {
    console.log(`k8s: overlays/${overlay}: SKIPPED schema validation of ${counts.structural} objects (${[...structural].join(", ")}): `
      + "no schema package for the RabbitMQ and Keycloak operators' CRDs; only their required fields are checked");
  }
}
process.exit(failed ? 1 : 0);
