// The prod overlay as rendered: no demo users, no literal secrets, no floating image tags, probes and limits on
// every Deployment, and the prod shape. Each rule is also shown to catch a bad manifest.
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "../render.mjs";
import { deploymentsWithoutProbesOrLimits, demoUsers, floatingImages, literalSecrets, managementPort, prodShape } from "../policy.mjs";

const prod = render("prod");
const dev = render("dev");
const copy = (objects) => structuredClone(objects);
const deployment = (objects, name) => objects.find((o) => o.kind === "Deployment" && o.metadata.name === name);

test("prod has the five services", () => {
  assert.deepEqual(prod.filter((o) => o.kind === "Deployment").map((o) => o.metadata.name).sort(),
    ["gateway", "lead-service", "routing-service", "scoring-service", "sla-service"]);
});

test("prod ships no demo users or demo clients; dev does", () => {
  assert.deepEqual(demoUsers(prod), []);
  assert.ok(demoUsers(dev).some((p) => p.includes("mara")), "the dev realm should have the demo users");
  assert.ok(demoUsers(dev).some((p) => p.includes("lead-platform-cli")));
});

test("prod has no literal secrets", () => {
  assert.deepEqual(literalSecrets(prod), []);
  const bad = copy(prod);
  deployment(bad, "lead-service").spec.template.spec.containers[0].env.push({ name: "DB_PASSWORD", value: "hunter2" });
  bad.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" }, stringData: { password: "p" } });
  bad.find((o) => o.kind === "KeycloakRealmImport").spec.realm.clients[0].secret = "plain";
  assert.equal(literalSecrets(bad).length, 3);
});

test("prod images have fixed tags, never latest", () => {
  assert.deepEqual(floatingImages(prod), []);
  const bad = copy(prod);
  deployment(bad, "gateway").spec.template.spec.containers[0].image = "lead-platform/gateway:latest";
  deployment(bad, "sla-service").spec.template.spec.containers[0].image = "lead-platform/sla-service";
  assert.equal(floatingImages(bad).length, 2);
});

test("every prod Deployment has liveness, readiness and startup probes and resource limits", () => {
  assert.deepEqual(deploymentsWithoutProbesOrLimits(prod), []);
  const bad = copy(prod);
  delete deployment(bad, "routing-service").spec.template.spec.containers[0].startupProbe;
  delete deployment(bad, "scoring-service").spec.template.spec.containers[0].resources.limits.memory;
  assert.deepEqual(deploymentsWithoutProbesOrLimits(bad).sort(), [
    "Deployment/routing-service: container routing-service has no startupProbe",
    "Deployment/scoring-service: container scoring-service has no memory limit",
  ]);
});

test("prod: 2+ replicas, HPA, PDB, anti-affinity per service, default-deny policies, TLS Ingress to the gateway, 3 brokers", () => {
  assert.deepEqual(prodShape(prod), []);
  assert.ok(prodShape(dev).length > 0, "dev is not prod-shaped");
});

test("every Deployment has a management port that its probes use; no Service or Ingress exposes it; ServiceMonitors scrape it", () => {
  assert.deepEqual(managementPort(prod), []);
  assert.deepEqual(managementPort(dev), []);
  const bad = copy(prod);
  const lead = deployment(bad, "lead-service").spec.template.spec.containers[0];
  lead.readinessProbe.httpGet.port = lead.ports.find((p) => p.name === "http").containerPort;
  const sla = deployment(bad, "sla-service").spec.template.spec.containers[0];
  sla.ports = sla.ports.filter((p) => p.name !== "management");
  bad.find((o) => o.kind === "Service" && o.metadata.name === "gateway").spec.ports.push({ name: "management", port: 9080, targetPort: 9080 });
  bad.find((o) => o.kind === "Ingress").spec.rules[0].http.paths.push(
    { path: "/q/metrics", pathType: "Exact", backend: { service: { name: "gateway", port: { number: 9080 } } } });
  bad.find((o) => o.kind === "ServiceMonitor" && o.metadata.name === "routing-service").spec.endpoints = [{ port: "http", path: "/q/metrics" }];
  assert.deepEqual(managementPort(bad).sort(), [
    "Deployment/lead-service: container lead-service readinessProbe is not on the management port (8081)",
    "Deployment/sla-service: container sla-service has no containerPort named management",
    "Ingress/gateway: /q/metrics goes to port {\"number\":9080}, not to the port named http",
    "Service/gateway: exposes the management port (management)",
    "ServiceMonitor/routing-service: does not scrape the pods' management port",
  ]);
});

/** The container port numbers of a Deployment, by name (http, management). */
const portsOf = (name) => Object.fromEntries(deployment(prod, name).spec.template.spec.containers[0].ports
  .map((p) => [p.name, p.containerPort]));
const ruleFrom = (policy, match) => policy.spec.ingress.filter((r) => r.from.some(match));
const tcpPorts = (rules) => rules.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`));

test("services accept API traffic only from the gateway and the management port only from Prometheus; the gateway only from the ingress controller", () => {
  const policies = prod.filter((o) => o.kind === "NetworkPolicy");
  const monitoring = (f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring";
  for (const svc of ["lead-service", "scoring-service", "routing-service", "sla-service"]) {
    const p = policies.find((n) => n.spec.podSelector.matchLabels?.["app.kubernetes.io/name"] === svc);
    assert.ok(p, `no NetworkPolicy for ${svc}`);
    const peers = p.spec.ingress.flatMap((r) => r.from);
    assert.deepEqual(peers.filter((f) => f.podSelector).map((f) => f.podSelector.matchLabels), [{ "app.kubernetes.io/name": "gateway" }]);
    assert.deepEqual(peers.filter((f) => f.namespaceSelector).map((f) => f.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]), ["monitoring"]);
    const { http, management } = portsOf(svc);
    assert.deepEqual(tcpPorts(ruleFrom(p, (f) => f.podSelector)), [`TCP/${http}`], `${svc}: the gateway reaches the API port only`);
    assert.deepEqual(tcpPorts(ruleFrom(p, monitoring)), [`TCP/${management}`], `${svc}: Prometheus reaches the management port only`);
  }
  const gateway = policies.find((n) => n.metadata.name === "gateway");
  assert.ok(gateway.spec.ingress.flatMap((r) => r.from).every((f) => f.namespaceSelector && !f.podSelector));
  const { http, management } = portsOf("gateway");
  const ingressNginx = (f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "ingress-nginx";
  assert.deepEqual(tcpPorts(ruleFrom(gateway, ingressNginx)), [`TCP/${http}`]);
  assert.deepEqual(tcpPorts(ruleFrom(gateway, monitoring)), [`TCP/${management}`]);
});
