#!/usr/bin/env bash
# kb-service search benchmark (issue 6 item 8): 100,000 generated articles, search latency and throughput at 1
# and 16 clients through the gateway with a real Keycloak token, index rebuild time at a kb-service restart,
# memory. Runs the local platform (./run-local.sh) under the shared lock and stops it afterwards.
#   bench/kb-search/run.sh            (ARTICLES=100000 DURATION=30 WARMUP=20 to change; WARMUP is the least
#                                      warm-up per workload, which goes on until kb-service's JIT compilers are
#                                      idle; KB_JAVA_OPTS: more JVM options for kb-service, e.g. to profile it)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
ARTICLES=${ARTICLES:-100000}
SECONDS_PER_LEVEL=${DURATION:-30}  # not $SECONDS: bash counts its run time in it
WARMUP=${WARMUP:-20}
BENCH_MONGO_PORT=${BENCH_MONGO_PORT:-27019}
WORK="$ROOT/.devstack/bench-kb-search"
mkdir -p "$WORK"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KB_JAR="$ROOT/kb-service/target/quarkus-app/quarkus-run.jar"
M2=~/.m2/repository/org/mongodb
MONGO_CP=$(ls $M2/mongodb-driver-sync/5.6.4/*.jar $M2/mongodb-driver-core/5.6.4/*.jar $M2/bson/5.6.4/*.jar \
  | grep -v sources | tr '\n' ':')

if [ ! -f "$WORK/articles-$ARTICLES.jsonl" ]; then
  echo "Generating $ARTICLES articles ..."
  python3 kb-service/seed/generate.py --bench "$ARTICLES" > "$WORK/articles-$ARTICLES.jsonl"
fi

# The corpus vocabulary for the "unique" workload (a judged query plus one of these words, never sent before):
# the distinct words of 4-14 letters in the titles and bodies of the first 5,000 articles, German and English.
if [ ! -f "$WORK/vocabulary-$ARTICLES.txt" ]; then
  python3 - "$WORK/articles-$ARTICLES.jsonl" > "$WORK/vocabulary-$ARTICLES.txt" <<'PY'
import itertools, json, re, sys
words = set()
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in itertools.islice(lines, 5000):
        article = json.loads(line)
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,14}", article["title"] + " " + article["body"]))
print("\n".join(sorted(words)))
PY
fi

if [ "${LOCKED:-0}" != 1 ]; then
  exec env LOCKED=1 flock /tmp/support-localrun.lock "$0" "$@"
fi

echo "Starting the local platform (log: $WORK/local-run.log) ..."
DEVSTACK_SKIP_BUILD=${DEVSTACK_SKIP_BUILD:-1} setsid ./run-local.sh > "$WORK/local-run.log" 2>&1 &
RUN_PID=$!
KB_PID=""
MONGO_PID=""
cleanup() {
  [ -n "$KB_PID" ] && kill "$KB_PID" 2>/dev/null && wait "$KB_PID" 2>/dev/null || true
  [ -n "$MONGO_PID" ] && kill "$MONGO_PID" 2>/dev/null && wait "$MONGO_PID" 2>/dev/null || true
  kill -TERM -- "-$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
}
trap cleanup EXIT
until grep -q "Support platform up" "$WORK/local-run.log"; do
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$WORK/local-run.log"; exit 1; }
  sleep 2
done

echo "Starting the benchmark's MongoDB-wire server on port $BENCH_MONGO_PORT ..."
"$JAVA" -Xmx3g -cp "deploy/devstack/target/devstack-1.0.0-SNAPSHOT.jar:$(cat deploy/devstack/target/launcher.classpath)" \
  bench/kb-search/MongoWire.java "$BENCH_MONGO_PORT" > "$WORK/mongo.log" 2>&1 &
MONGO_PID=$!
until grep -q "MongoDB-wire server on port" "$WORK/mongo.log"; do
  kill -0 "$MONGO_PID" 2>/dev/null || { cat "$WORK/mongo.log"; exit 1; }
  sleep 1
done

echo "Loading the articles straight into MongoDB ..."
"$JAVA" -cp "$MONGO_CP" bench/kb-search/LoadArticles.java "$WORK/articles-$ARTICLES.jsonl" \
  "mongodb://localhost:$BENCH_MONGO_PORT" kb

echo "Restarting kb-service (JVM options of the local run) on the benchmark's MongoDB to time the rebuild ..."
pid_of_kb() { # the local run's kb-service: the java process running this worktree's kb-service jar
  for p in /proc/[0-9]*; do
    if { tr "\\0" " " < "$p/cmdline"; } 2>/dev/null | grep -q -- "-jar $KB_JAR"; then basename "$p"; fi
  done
}
OLD=$(pid_of_kb | head -1)
kill "$OLD"
while kill -0 "$OLD" 2>/dev/null; do sleep 0.5; done
MONGODB_URI="mongodb://localhost:$BENCH_MONGO_PORT" DEMO_DATA=false "$JAVA" -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError ${KB_JAVA_OPTS:-} -jar "$KB_JAR" \
  > "$WORK/kb-service.log" 2>&1 &
KB_PID=$!
STARTED=$(date +%s.%N)
until curl -sf localhost:8083/q/health/ready > /dev/null; do
  kill -0 "$KB_PID" 2>/dev/null || { tail -50 "$WORK/kb-service.log"; exit 1; }
  sleep 0.5
done
READY=$(date +%s.%N)
grep "Search index built" "$WORK/kb-service.log"
printf "kb-service ready %.1f s after start\n" "$(echo "$READY - $STARTED" | bc)"

echo "Search load through the gateway ($SECONDS_PER_LEVEL s per level after a warm-up of $WARMUP s or more), two workloads:"
echo "  repeating = the judged queries in rotation (answered from kb-service's result cache after the warm-up)"
echo "  unique    = every request a query never sent before (judged query + 1 corpus word: the uncached path)"
GATEWAY_PID=$(pgrep -f -- "-jar $ROOT/gateway/target/quarkus-app/quarkus-run.jar" | head -1 || true) # none found: its share reads 0
"$JAVA" -Dkb.pid="$KB_PID" -Dgateway.pid="$GATEWAY_PID" bench/kb-search/SearchLoad.java http://localhost:8080 \
  http://localhost:8180/realms/support/protocol/openid-connect/token bench/kb-search/queries.txt \
  "$WORK/vocabulary-$ARTICLES.txt" "$SECONDS_PER_LEVEL" "$WARMUP" 1 16
echo "Result cache and pruned searches of kb-service:"
curl -s localhost:8083/q/metrics | grep -E '^kb_search_(cache|pruned)' || echo "(no kb_search metrics)"

echo "Memory of kb-service:"
grep -E '^VmRSS|^VmHWM' "/proc/$KB_PID/status"
curl -s localhost:8083/q/metrics | grep -E '^jvm_memory_used_bytes\{.*area="heap"' \
  | awk '{ sum += $NF } END { printf "heap used %.0f MiB (sum of pools)\n", sum / 1048576 }'
curl -s localhost:8083/q/metrics | grep -E '^jvm_memory_max_bytes\{.*area="heap"' \
  | awk '$NF > 0 { sum += $NF } END { printf "heap max  %.0f MiB\n", sum / 1048576 }'
# Collections since kb-service started (rebuild included): every request in flight waits for a pause.
curl -s localhost:8083/q/metrics | grep -E '^jvm_gc_pause_seconds_(count|sum)\{' \
  | sed -E 's/^jvm_gc_pause_seconds_(count|sum)\{action="([^"]*)".*gc="([^"]*)".*\} (.*)$/\2 (\3)|\1|\4/' \
  | awk -F'|' '{ if ($2 == "count") n[$1] += $3; else s[$1] += $3 }
      END { for (k in n) printf "gc %s: %d pauses, %.1f ms each on average\n", k, n[k], n[k] ? 1000 * s[k] / n[k] : 0 }'
du -sh /tmp/kb-index-* 2>/dev/null | sort -h | tail -1 | awk '{ print "index on disk (memory-mapped) " $1 }'
