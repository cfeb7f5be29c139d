// What a prod overlay must never contain, and what every Deployment must have. Each function returns the list
// of problems it finds (empty = fine), so the tests can also show that a bad manifest is caught.
import { id } from "./render.mjs";

export const DEMO_USERS = ["mara", "sam", "xena", "xavier", "mel", "sol", "lea", "pat"];
export const DEMO_CLIENTS = ["lead-platform-cli", "audience-probe"];
const SECRET_NAME = /pass(word)?|secret|token|credential|private|api[_-]?key/i;
const PLACEHOLDER = /^\$\{[A-Z0-9_]+\}$/;

const podSpecs = (o) => {
  if (o.kind === "Deployment" || o.kind === "StatefulSet" || o.kind === "DaemonSet" || o.kind === "Job") {
    return [o.spec?.template?.spec ?? {}];
  }
  if (o.kind === "CronJob") return [o.spec?.jobTemplate?.spec?.template?.spec ?? {}];
  if (o.kind === "Pod") return [o.spec ?? {}];
  return [];
};
const containersOf = (spec) => [...(spec.containers ?? []), ...(spec.initContainers ?? [])];

export function demoUsers(objects) {
  const problems = [];
  for (const o of objects.filter((x) => x.kind === "KeycloakRealmImport")) {
    const realm = o.spec?.realm ?? {};
    for (const u of realm.users ?? []) {
      if (!u.serviceAccountClientId) problems.push(`${id(o)}: user ${u.username} (only service accounts allowed)`);
      if (u.credentials?.length) problems.push(`${id(o)}: user ${u.username} has credentials`);
    }
    for (const c of realm.clients ?? []) {
      if (DEMO_CLIENTS.includes(c.clientId)) problems.push(`${id(o)}: demo client ${c.clientId}`);
    }
  }
  const text = JSON.stringify(objects);
  for (const u of DEMO_USERS) {
    if (text.includes(`"username":"${u}"`)) problems.push(`demo user ${u} appears in the rendered objects`);
  }
  return problems;
}

export function literalSecrets(objects) {
  const problems = [];
  for (const o of objects) {
    if (o.kind === "Secret" && (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length)) {
      problems.push(`${id(o)}: a Secret with data is committed`);
    }
    if (o.kind === "ConfigMap") {
      for (const k of Object.keys(o.data ?? {})) {
        if (SECRET_NAME.test(k)) problems.push(`${id(o)}: key ${k} looks secret; use a Secret`);
      }
    }
    for (const spec of podSpecs(o)) {
      for (const c of containersOf(spec)) {
        for (const e of c.env ?? []) {
          if (SECRET_NAME.test(e.name) && e.value !== undefined) {
            problems.push(`${id(o)}: container ${c.name} sets ${e.name} literally; use valueFrom.secretKeyRef`);
          }
        }
      }
    }
    if (o.kind === "KeycloakRealmImport") {
      for (const c of o.spec?.realm?.clients ?? []) {
        if (c.secret !== undefined && !PLACEHOLDER.test(c.secret)) {
          problems.push(`${id(o)}: client ${c.clientId} has a literal secret`);
        }
      }
      for (const u of o.spec?.realm?.users ?? []) {
        for (const cred of u.credentials ?? []) {
          if (cred.value !== undefined) problems.push(`${id(o)}: user ${u.username} has a literal password`);
        }
      }
    }
  }
  return problems;
}

function tagOf(image) {
  const last = image.split("/").pop();
  if (last.includes("@")) return "digest";
  const colon = last.lastIndexOf(":");
  return colon < 0 ? "" : last.slice(colon + 1);
}

export function floatingImages(objects) {
  const images = [];
  for (const o of objects) {
    for (const spec of podSpecs(o)) for (const c of containersOf(spec)) images.push([o, c.image]);
    if (o.kind === "RabbitmqCluster") images.push([o, o.spec?.image]);
    if (o.kind === "Cluster" && o.spec?.imageName) images.push([o, o.spec.imageName]);
    if (o.kind === "Keycloak" && o.spec?.image) images.push([o, o.spec.image]);
  }
  return images.flatMap(([o, image]) => {
    if (!image) return [`${id(o)}: no image`];
    const tag = tagOf(image);
    if (tag === "" || tag === "latest") return [`${id(o)}: image ${image} has no fixed tag`];
    return [];
  });
}

export function deploymentsWithoutProbesOrLimits(objects) {
  const problems = [];
  const deployments = objects.filter((o) => o.kind === "Deployment");
  if (!deployments.length) problems.push("no Deployment rendered");
  for (const d of deployments) {
    for (const c of d.spec?.template?.spec?.containers ?? []) {
      for (const p of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        if (!c[p]) problems.push(`${id(d)}: container ${c.name} has no ${p}`);
      }
      for (const r of ["cpu", "memory"]) {
        if (!c.resources?.limits?.[r]) problems.push(`${id(d)}: container ${c.name} has no ${r} limit`);
        if (!c.resources?.requests?.[r]) problems.push(`${id(d)}: container ${c.name} has no ${r} request`);
      }
    }
  }
  return problems;
}

/**
 * Health and metrics live on the management interface: every Deployment's container has a containerPort named
 * "management", and its three probes call that port (by number or name); no Service exposes it (so no Ingress can
 * route to it), and every ServiceMonitor scrapes it.
 */
export function managementPort(objects) {
  const problems = [];
  const managementPorts = new Map();
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    for (const c of d.spec?.template?.spec?.containers ?? []) {
      const port = (c.ports ?? []).find((p) => p.name === "management");
      if (!port) {
        problems.push(`${id(d)}: container ${c.name} has no containerPort named management`);
        continue;
      }
      managementPorts.set(d.metadata.name, port.containerPort);
      if ((c.ports ?? []).some((p) => p.name !== "management" && p.containerPort === port.containerPort)) {
        problems.push(`${id(d)}: container ${c.name} serves the management port as another port too`);
      }
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        const target = c[probe]?.httpGet?.port;
        if (target !== port.containerPort && target !== "management") {
          problems.push(`${id(d)}: container ${c.name} ${probe} is not on the management port (${target ?? "no httpGet"})`);
        }
      }
    }
  }
  for (const s of objects.filter((o) => o.kind === "Service" && managementPorts.has(o.metadata.name))) {
    for (const p of s.spec?.ports ?? []) {
      if (p.name === "management" || p.targetPort === "management" || p.targetPort === managementPorts.get(s.metadata.name)) {
        problems.push(`${id(s)}: exposes the management port (${p.name})`);
      }
    }
  }
  for (const i of objects.filter((o) => o.kind === "Ingress")) {
    for (const r of i.spec?.rules ?? []) {
      for (const p of r.http?.paths ?? []) {
        if (p.backend?.service?.port?.name !== "http") {
          problems.push(`${id(i)}: ${p.path} goes to port ${JSON.stringify(p.backend?.service?.port)}, not to the port named http`);
        }
      }
    }
  }
  for (const m of objects.filter((o) => o.kind === "ServiceMonitor" && managementPorts.has(o.metadata.name))) {
    const endpoints = m.spec?.endpoints ?? [];
    if (!endpoints.length || endpoints.some((e) => e.targetPort !== "management" || e.port !== undefined)) {
      problems.push(`${id(m)}: does not scrape the pods' management port`);
    }
  }
  if (!managementPorts.size) problems.push("no Deployment with a management port");
  return problems;
}

/** Prod only: an HPA (2+ replicas) and a PDB per Deployment, anti-affinity, a default-deny NetworkPolicy, TLS on every Ingress. */
export function prodShape(objects) {
  const problems = [];
  const byKind = (k) => objects.filter((o) => o.kind === k);
  for (const d of byKind("Deployment")) {
    const name = d.metadata.name;
    // The HPA owns the replica count (a fixed one would be reset on every apply); it keeps 2 at least.
    if (d.spec?.replicas !== undefined) problems.push(`${id(d)}: sets replicas although an HPA scales it`);
    if (!byKind("HorizontalPodAutoscaler").some((h) => h.spec?.scaleTargetRef?.name === name && h.spec.minReplicas >= 2)) {
      problems.push(`${id(d)}: no HorizontalPodAutoscaler with minReplicas >= 2`);
    }
    if (!byKind("PodDisruptionBudget").some((p) => p.spec?.selector?.matchLabels?.["app.kubernetes.io/name"] === name)) {
      problems.push(`${id(d)}: no PodDisruptionBudget`);
    }
    if (!d.spec?.template?.spec?.affinity?.podAntiAffinity) problems.push(`${id(d)}: no pod anti-affinity`);
    if (!(d.spec?.template?.spec?.terminationGracePeriodSeconds > 20)) problems.push(`${id(d)}: short grace period`);
  }
  if (!byKind("NetworkPolicy").some((n) => n.spec?.policyTypes?.includes("Ingress") && !n.spec.ingress
      && n.spec.podSelector?.matchLabels?.["app.kubernetes.io/part-of"] === "lead-platform")) {
    problems.push("no default-deny NetworkPolicy for the platform's pods");
  }
  const ingresses = byKind("Ingress");
  if (ingresses.length !== 1 || ingresses[0].spec?.rules?.some((r) => r.http.paths.some((p) => p.backend.service.name !== "gateway"))) {
    problems.push("exactly one Ingress, to the gateway only, is expected");
  }
  for (const i of ingresses) if (!i.spec?.tls?.[0]?.secretName) problems.push(`${id(i)}: no TLS Secret`);
  const rabbit = byKind("RabbitmqCluster")[0];
  if (!(rabbit?.spec?.replicas >= 3 && rabbit.spec.replicas % 2 === 1)) problems.push("RabbitmqCluster needs an odd number >= 3 of nodes");
  return problems;
}
