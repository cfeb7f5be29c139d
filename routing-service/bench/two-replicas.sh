#!/usr/bin/env bash
# Two packaged routing-service replicas compete for one stream of qualified leads on the test database and vhost.
# Prints how long the leads took, the per-member round-robin counts and whether any lead was assigned twice.
# Needs: ./mvnw -f routing-service/pom.xml package -DskipTests, and PostgreSQL/RabbitMQ/Keycloak up.
# Usage: routing-service/bench/two-replicas.sh [leads]   (default 1000)
set -euo pipefail
LEADS=${1:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../target/quarkus-app/quarkus-run.jar"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
M2=${M2_REPO:-$HOME/.m2/repository}
CP="$M2/com/rabbitmq/amqp-client/5.26.0/amqp-client-5.26.0.jar:$M2/org/slf4j/slf4j-api/2.0.7/slf4j-api-2.0.7.jar"
export PGPASSWORD=${DB_PASSWORD:-leadplatform}
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -U "${DB_USER:-leadplatform}" -d routing_service_test -tA)
WORK=$(mktemp -d)
PIDS=()
stop() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT INT TERM

for i in 1 2; do
  DB_NAME=routing_service_test RABBITMQ_VHOST=lead-platform-test-routing ROUTING_SERVICE_PORT=1839$i \
    "$JAVA" -Xmx192m -jar "$JAR" > "$WORK/replica$i.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2; do
  until grep -q "Receiver listening address routing-service.events" "$WORK/replica$i.log"; do sleep 1; done
done
"${PSQL[@]}" -q -f "$HERE/setup.sql"

COUNT="SELECT count(*) FROM assignment WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a'"
start=$(date +%s.%N)
"$JAVA" -cp "$CP" "$HERE/Publish.java" "$LEADS" 2>/dev/null
until [ "$("${PSQL[@]}" -c "$COUNT")" -ge "$LEADS" ]; do sleep 0.5; done
end=$(date +%s.%N)
echo "$LEADS leads assigned by 2 replicas in $(echo "$end - $start" | bc) s" \
  "= $(echo "$LEADS / ($end - $start)" | bc) assignments/s (load average: $(cut -d' ' -f1 /proc/loadavg))"
"${PSQL[@]}" -c "SELECT assignee || ': ' || count(*) FROM assignment
                 WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a' GROUP BY assignee ORDER BY assignee"
echo "leads assigned more than once: $("${PSQL[@]}" -c "SELECT count(*) FROM (SELECT lead_id FROM assignment
      WHERE queue_id = 'bbbbbbbb-0000-4000-8000-00000000000a' GROUP BY lead_id HAVING count(*) > 1) x")"
