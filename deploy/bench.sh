#!/usr/bin/env bash
# End-to-end benchmark through the gateway, with the infrastructure's own limits measured in the same run.
# Needs the platform running (deploy/run.sh). Usage: deploy/bench.sh [rate leads/s, default 200] [seconds, default 60]
# Writes benchmarks/results/<date>-<cores>core-<rate>rps.json; Gatling's HTML report is in benchmarks/target/gatling.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATE=${1:-200}
SECONDS_AT_RATE=${2:-60}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-60}
RUN_ID="r$(date +%s)"
RESULTS="$ROOT/benchmarks/results"
CORES=$(nproc)
OUT="$RESULTS/$(date -u +%Y-%m-%d)-${CORES}core-${RATE}rps.json"
WORK="$ROOT/benchmarks/target/bench-$RUN_ID"
mkdir -p "$RESULTS" "$WORK"
pick_java
# Readiness is on each service's management port (9080-9084; the API ports are 8080-8084).
for port in 9080 9081 9082 9083 9084; do
  curl -fsS -o /dev/null "http://localhost:$port/q/health/ready" || die "the platform is not ready ($port/q/health/ready): run deploy/run.sh first"
done

# Without autovacuum the services' tables are never analyzed and their lookups degrade into scans (deploy/run.sh
# turns it on); the results file records the setting.
AUTOVACUUM=$(PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qAt -c 'SHOW autovacuum')
[ "$AUTOVACUUM" = on ] || log "PostgreSQL's autovacuum is off: the figures will degrade as tables grow (deploy/run.sh turns it on)"

lead_sql() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d lead_service -qAt -F, -c "$1"; }

log "1/4 RabbitMQ limit: perf-test, quorum queue, persistent 1 KB messages, confirms, 1 producer + 1 consumer, 20 s"
"$ROOT/mvnw" -q -B -Pbench -f "$ROOT/pom.xml" -pl benchmarks dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
"$JAVA_HOME/bin/java" -Xmx256m -cp "$(cat "$WORK/classpath.txt")" com.rabbitmq.perf.PerfTest --uri amqp://guest:guest@localhost:5672/%2F \
  -x 1 -y 1 -s 1000 -f persistent -c 200 -qa x-queue-type=quorum -ad false -u "bench-quorum-$RUN_ID" \
  -z 20 --id bench >"$WORK/perf-test.log" 2>&1 || die "perf-test failed: $WORK/perf-test.log"
rabbitmqctl -q delete_queue "bench-quorum-$RUN_ID" >/dev/null 2>&1 || true
BROKER_RATE=$(sed -n 's/.*receiving rate avg: \([0-9]*\) msg\/s.*/\1/p' "$WORK/perf-test.log" | tail -1)

log "2/4 PostgreSQL limit: pgbench, single-row insert transactions, 8 clients, 20 s"
ensure_databases bench_pg
PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d bench_pg -q \
  -c 'CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, payload text, created_at timestamptz)'
echo "INSERT INTO bench_insert (payload, created_at) VALUES (repeat('x', 200), now());" >"$WORK/insert.sql"
PGPASSWORD="$DB_PASSWORD" pgbench -h 127.0.0.1 -U "$DB_USER" -n -c 8 -j 2 -T 20 -f "$WORK/insert.sql" bench_pg \
  >"$WORK/pgbench.log" 2>&1 || die "pgbench failed: $WORK/pgbench.log"
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.log" | tail -1)

# CPU ticks (user + system) of the given processes; one that has exited since counts as 0.
cpu_ticks() { local p; for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done | awk '{t += $14 + $15} END {print t + 0}'; }
declare -A PIDS CPU0
for svc in "${SERVICES[@]}"; do PIDS[$svc]=$(cat "$RUN_DIR/$svc.pid"); done
# The infrastructure's processes, summed: PostgreSQL's backends and RabbitMQ's Erlang VM.
PIDS[postgresql]=$(pgrep -d' ' -x postgres || true); PIDS[rabbitmq]=$(pgrep -d' ' -x beam.smp || true)

gatling() {
  "$ROOT/mvnw" -B -q -Pbench -f "$ROOT/pom.xml" -pl benchmarks gatling:test -Dbench.rate="$RATE" \
    -Dbench.seconds="$SECONDS_AT_RATE" -Dbench.warmupSeconds="$WARMUP_SECONDS" -Dbench.runId="$RUN_ID" \
    -Dbench.leads="$ROOT/data/sample/leads.csv" "$@"
}
log "3/4 load: warm-up ramping to $RATE leads/s over $WARMUP_SECONDS s (not measured), then $RATE leads/s for $SECONDS_AT_RATE s (Gatling)"
gatling -Dbench.phase=w >"$WORK/gatling-warmup.log" 2>&1 || log "the warm-up had failures (see $WORK/gatling-warmup.log)"
warm_pending() {
  lead_sql "SELECT count(*) FROM lead l WHERE email LIKE 'bench-$RUN_ID-w-%'
            AND NOT EXISTS (SELECT 1 FROM lead_sla_clock c WHERE c.lead_id = l.id)"
}
# The measured run starts on an empty pipeline: the warm-up's leads must all be through (up to 10 minutes).
# Once a second: the check scans the lead table (about 40 ms of PostgreSQL's CPU at 30,000 leads).
for _ in $(seq 1 600); do [ "$(warm_pending)" = 0 ] && break; sleep 1; done
[ "$(warm_pending)" = 0 ] || log "the warm-up did not drain in 10 minutes; the measured run starts with a backlog"
# What one lead costs the infrastructure, counted rather than assumed: commits in the four service databases, and
# messages the outboxes published, over the measured phase.
SERVICE_DBS="'lead_service','scoring_service','routing_service','sla_service'"
db_commits() {
  PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qAt \
    -c "SELECT sum(xact_commit) FROM pg_stat_database WHERE datname IN ($SERVICE_DBS)"
}
published_since() {
  local total=0 n db
  for db in lead_service scoring_service routing_service sla_service; do
    n=$(PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d "$db" -qAt \
      -c "SELECT count(*) FROM outbox_message WHERE created_at >= to_timestamp($1)")
    total=$((total + n))
  done
  echo "$total"
}
for p in "${!PIDS[@]}"; do CPU0[$p]=$(cpu_ticks ${PIDS[$p]}); done
COMMITS0=$(db_commits)
T0=$(date +%s.%N)
gatling -Dbench.phase=m >"$WORK/gatling.log" 2>&1 || log "Gatling reported failures (see $WORK/gatling.log); results are still collected"
LOAD_END=$(date +%s.%N)

log "4/4 drain: waiting until every lead of the run is assigned with its clock started"
measured="email LIKE 'bench-$RUN_ID-m-%'"
pending() {
  lead_sql "SELECT count(*) FROM lead l WHERE $measured
            AND NOT EXISTS (SELECT 1 FROM lead_sla_clock c WHERE c.lead_id = l.id)"
}
# Up to 15 minutes: a rate above the platform's throughput leaves a backlog that takes a while to clear. A lead
# still not assigned then is reported as lost.
for _ in $(seq 1 900); do [ "$(pending)" = 0 ] && break; sleep 1; done
DRAINED=$(date +%s.%N)
T1=$DRAINED
COMMITS=$(( $(db_commits) - COMMITS0 ))
PUBLISHED=$(published_since "$T0")

# CPU as a percentage of one core over the measured phase and its drain; RSS at the end.
declare -A CPU RSS
for p in "${!PIDS[@]}"; do
  CPU[$p]=$(awk -v a="${CPU0[$p]}" -v b="$(cpu_ticks ${PIDS[$p]})" -v t="$(awk -v a="$T0" -v b="$T1" 'BEGIN {print b - a}')" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / hz / t * 100}')
done
for svc in "${SERVICES[@]}"; do
  RSS[$svc]=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/${PIDS[$svc]}/status")
done

REPORT=$(ls -td "$ROOT"/benchmarks/target/gatling/*/ 2>/dev/null | head -1)
PIPE=$(lead_sql "
  WITH m AS (SELECT l.id, l.created_at, l.stage, l.scored_at,
                    (SELECT min(c.started_at) FROM lead_sla_clock c WHERE c.lead_id = l.id) AS clock_at, l.assigned_at
             FROM lead l WHERE $measured)
  SELECT count(*), count(scored_at), count(*) FILTER (WHERE stage <> 'LEAD'), count(clock_at),
         extract(epoch FROM max(clock_at) - min(created_at)),
         1000 * percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM assigned_at - created_at)),
         1000 * percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM assigned_at - created_at)),
         1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM assigned_at - created_at)),
         1000 * percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM clock_at - created_at)),
         1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM clock_at - created_at))
  FROM m")

python3 - "$OUT" "$WORK/gatling.log" "$PIPE" <<PY
import json, sys, re, os, subprocess, statistics
out, gatling_log, pipe = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
num = lambda v: None if v in ("", None) else round(float(v), 1)
captured, scored, qualified, assigned = (int(x) for x in pipe[:4])
window = float(pipe[4] or 0)
# Gatling prints its global statistics on the console; the measured run has no warm-up request in it.
g = {}
for line in open(gatling_log, errors="replace"):
    m = re.match(r"> (.+?)\s+\|\s+([\d,.]+|-)\s+\|\s+([\d,.]+|-)\s+\|\s+([\d,.]+|-)", line)
    if m:
        g[m.group(1).strip()] = [None if v == "-" else float(v.replace(",", "")) for v in m.groups()[1:]]
pct = lambda k, i=0: (g.get(k) or [None, None, None])[i]
def rows(db, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "$DB_USER", "-d", db, "-qAt", "-F", "\t", "-c", sql],
                         capture_output=True, text=True, env=dict(os.environ, PGPASSWORD="$DB_PASSWORD")).stdout
    return [line.split("\t") for line in out.splitlines() if line]
def hops():
    """Each hop of the measured leads: from the producer's outbox append to the consumer's inbox record."""
    since = "to_timestamp($T0)"
    measured = {r[0] for r in rows("lead_service", "SELECT id FROM lead WHERE $measured")}
    out = {}
    for event, producer, consumer in (("lead.captured", "lead_service", "scoring_service"),
                                      ("lead.qualified", "scoring_service", "routing_service"),
                                      ("lead.assigned", "routing_service", "sla_service"),
                                      ("sla.started", "sla_service", "lead_service")):
        appended = {r[0]: float(r[2]) for r in rows(producer, "SELECT id, subject, extract(epoch FROM created_at) "
                    f"FROM outbox_message WHERE type = '{event}' AND created_at >= {since}") if r[1] in measured}
        applied = rows(consumer, "SELECT event_id, extract(epoch FROM processed_at) FROM processed_message "
                       f"WHERE processed_at >= {since}")
        ms = sorted(1000 * (float(at) - appended[i]) for i, at in applied if i in appended)
        q = statistics.quantiles(ms, n=100) if len(ms) > 1 else None
        out[f"{event} {producer.split('_')[0]}->{consumer.split('_')[0]}"] = {
            "events": len(ms), "p50": round(q[49], 1) if q else None, "p95": round(q[94], 1) if q else None}
    return out
published_per_lead = $PUBLISHED / captured if captured else None
commits_per_lead = $COMMITS / captured if captured else None
broker, pg = float("${BROKER_RATE:-0}" or 0), float("${PG_TPS:-0}" or 0)
limits = [x for x in (broker / published_per_lead if broker and published_per_lead else None,
                      pg / commits_per_lead if pg and commits_per_lead else None) if x]
limit = min(limits) if limits else None
assigned_per_s = assigned / window if window else None
elapsed = $T1 - $T0
cpu = {p: float(c) for p, c in zip("${!CPU[*]}".split(), "${CPU[*]}".split())}
cpu_ms_per_lead = {p: c / 100 * elapsed * 1000 / captured for p, c in cpu.items()} if captured else None
def cpu_bound(processes):
    ms = sum(cpu_ms_per_lead[p] for p in processes) if cpu_ms_per_lead else 0
    return round($CORES * 1000 / ms, 1) if ms else None
result = {
  "date": "$(date -u +%FT%TZ)", "cores": $CORES, "runId": "$RUN_ID", "commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)",
  "arrivalRate": $RATE, "seconds": $SECONDS_AT_RATE, "warmupSeconds": $WARMUP_SECONDS,
  "gateway": {"requests": pct("request count"), "errors": pct("request count", 2) or 0,
              "p50ms": pct("response time 50th percentile (ms)"), "p95ms": pct("response time 95th percentile (ms)"),
              "p99ms": pct("response time 99th percentile (ms)"), "maxMs": pct("max response time (ms)"),
              "meanPerSecond": pct("mean throughput (rps)"), "includesWarmup": False},
  "pipeline": {"captured": captured, "scored": scored, "qualified": qualified, "assignedWithClock": assigned,
               "notQualifiedByActiveModel": captured - qualified,
               "lost": captured - assigned,
               "capturedThroughAssignmentWindowSeconds": num(window),
               "assignedPerSecond": num(assigned_per_s),
               "captureToAssignedMs": {"p50": num(pipe[5]), "p95": num(pipe[6]), "p99": num(pipe[7])},
               "captureToClockStartedMs": {"p50": num(pipe[8]), "p99": num(pipe[9])},
               "drainSecondsAfterLoad": round($DRAINED - $LOAD_END, 1)},
  "cpuPercentOfOneCore": cpu,
  "cpuMsPerLead": {p: round(ms, 2) for p, ms in cpu_ms_per_lead.items()} if cpu_ms_per_lead else None,
  "rssMiB": {s: int(r) for s, r in zip("${SERVICES[*]}".split(),
      "${RSS[lead-service]} ${RSS[scoring-service]} ${RSS[routing-service]} ${RSS[sla-service]} ${RSS[gateway]}".split())},
  "infrastructure": {"rabbitmqQuorumConfirmedMsgPerSec": broker, "postgresInsertTps": pg,
                     "postgresAutovacuum": "$AUTOVACUUM" == "on",
                     "publishedMessagesPerLead": round(published_per_lead, 2) if published_per_lead else None,
                     "databaseCommitsPerLead": round(commits_per_lead, 2) if commits_per_lead else None,
                     "impliedLeadsPerSecondLimit": round(limit, 1) if limit else None},
  "ratioToLimit": round(assigned_per_s / limit, 3) if assigned_per_s and limit else None,
  # What the CPU measured per lead allows on this box's cores: every measured process together, and the broker and
  # the database alone (as if the services cost nothing). Under saturation the first is the throughput reached.
  "cpuBoundLeadsPerSecond": cpu_bound(cpu.keys()),
  "brokerAndDatabaseCpuBoundLeadsPerSecond": cpu_bound(["rabbitmq", "postgresql"]),
  "hopsMs": hops(),
}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
log "results: $OUT; Gatling report: ${REPORT}index.html"
