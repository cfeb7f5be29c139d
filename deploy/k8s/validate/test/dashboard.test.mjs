// deploy/grafana/lead-platform.json reads only series that exist: the services' Micrometer meters (looked up in
// their sources, so a renamed meter fails here), RabbitMQ's own metrics and the HTTP binder's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { K8S_DIR } from "../realm.mjs";

const ROOT = path.resolve(K8S_DIR, "../..");
const dashboard = JSON.parse(readFileSync(path.join(ROOT, "deploy/grafana/lead-platform.json"), "utf8"));

// Prometheus name -> the Micrometer meter name in the Java sources.
const APP_METERS = {
  outbox_events_committed_total: "outbox.events.committed",
  outbox_unsent: "outbox.unsent",
  outbox_oldest_unsent_age_seconds: "outbox.oldest.unsent.age",
  sla_met_total: "sla.met",
  sla_breaches_total: "sla.breaches",
  sla_clocks_open: "sla.clocks.open",
  sla_time_to_first_touch_wall_seconds_bucket: "sla.time.to.first.touch.wall",
  sla_time_to_first_touch_business_seconds_bucket: "sla.time.to.first.touch.business",
};
const EXTERNAL = new Set(["rabbitmq_queue_messages", "rabbitmq_queue_messages_ready", "rabbitmq_queue_messages_unacked",
  "rabbitmq_queue_consumers", "http_server_requests_seconds_count", "http_server_requests_seconds_bucket"]);
const PROMQL_WORDS = new Set(["sum", "max", "by", "rate", "increase", "histogram_quantile", "le", "org", "queue", "type", "job",
  "namespace", "status"]);

function javaSources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === "target" || name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(p).isDirectory()) javaSources(p, out);
    else if (name.endsWith(".java") && p.includes(`${path.sep}src${path.sep}main${path.sep}`)) out.push(readFileSync(p, "utf8"));
  }
  return out;
}

const panels = dashboard.panels.filter((p) => p.type !== "row");
const exprs = panels.flatMap((p) => p.targets.map((t) => t.expr));
const metrics = new Set(exprs.flatMap((e) => e.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "")
  .match(/[a-z_][a-z0-9_]*/g) ?? []).filter((w) => !PROMQL_WORDS.has(w)));

test("the dashboard has unique panel ids and a query in every panel", () => {
  const ids = dashboard.panels.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of panels) assert.ok(p.targets.length && p.targets.every((t) => t.expr), p.title);
});

test("every series the dashboard reads is one the platform or RabbitMQ exports", () => {
  const unknown = [...metrics].filter((m) => !(m in APP_METERS) && !EXTERNAL.has(m));
  assert.deepEqual(unknown, []);
});

test("the services' meters the dashboard reads are registered in the sources", () => {
  const sources = javaSources(ROOT).join("\n");
  for (const m of metrics) {
    if (m in APP_METERS) assert.ok(sources.includes(`"${APP_METERS[m]}"`), `${m}: no meter "${APP_METERS[m]}" in src/main`);
  }
});

test("the issue's panels are there: pipeline, SLA met and breached per org and queue, time to first touch, outbox, DLQ, lag", () => {
  const all = exprs.join("\n");
  for (const needle of ['type="lead.captured"', 'type="lead.qualified"', 'type="lead.assigned"', "sla_met_total",
    "sla_breaches_total", "by (org, queue)", "histogram_quantile(0.9", "outbox_unsent", "dlq", "messages_ready"]) {
    assert.ok(all.includes(needle), needle);
  }
});
