// Derives the KeycloakRealmImport of each overlay from the local realm, deploy/keycloak/lead-platform-realm.json.
//   dev:  the local realm with its demo users and clients (local use only).
//   prod: no demo users, no demo or test clients (lead-platform-cli, audience-probe), TLS required from outside.
// Both read the web-forms client secret from the Secret web-forms-client (placeholder), never from a file.
// `node realm.mjs` writes overlays/{dev,prod}/realm-import.yaml; check.mjs fails if they are out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
export const K8S_DIR = path.resolve(here, "..");
const REALM_FILE = path.resolve(K8S_DIR, "../keycloak/lead-platform-realm.json");
const DEMO_CLIENTS = new Set(["lead-platform-cli", "audience-probe"]);
export const WEB_FORMS_PLACEHOLDER = "${WEB_FORMS_CLIENT_SECRET}";

function withSecretPlaceholder(client) {
  return client.clientId === "web-forms" ? { ...client, secret: WEB_FORMS_PLACEHOLDER } : client;
}

export function realmFor(overlay) {
  const realm = JSON.parse(readFileSync(REALM_FILE, "utf8"));
  realm.clients = realm.clients.map(withSecretPlaceholder);
  if (overlay === "prod") {
    realm.sslRequired = "external";
    realm.clients = realm.clients.filter((c) => !DEMO_CLIENTS.has(c.clientId));
    // Service-account users belong to their clients; every other user in the file is a demo user.
    realm.users = (realm.users ?? []).filter((u) => u.serviceAccountClientId);
  }
  return realm;
}

export function realmImportYaml(overlay) {
  const doc = {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "lead-platform-realm" },
    spec: {
      keycloakCRName: "lead-platform-keycloak",
      placeholders: { WEB_FORMS_CLIENT_SECRET: { secret: { name: "web-forms-client", key: "secret" } } },
      realm: realmFor(overlay),
    },
  };
  const banner = `# GENERATED FILE, DO NOT EDIT: deploy/k8s/validate/realm.mjs derives it from deploy/keycloak/lead-platform-realm.json\n`
    + (overlay === "prod" ? "# (prod: without the demo users and the demo clients).\n" : "# (dev: with the demo users and clients, for local use only).\n");
  return banner + YAML.stringify(doc, { lineWidth: 0 });
}

export function realmImportPath(overlay) {
  return path.join(K8S_DIR, "overlays", overlay, "realm-import.yaml");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const overlay of ["dev", "prod"]) {
    writeFileSync(realmImportPath(overlay), realmImportYaml(overlay));
    console.log(`k8s: wrote ${path.relative(K8S_DIR, realmImportPath(overlay))}`);
  }
}
