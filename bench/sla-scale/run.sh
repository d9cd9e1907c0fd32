#!/usr/bin/env bash
# bench/sla-scale: builds sla-service and the devstack launcher (reactor, no install), then runs the benchmark.
#   bench/sla-scale/run.sh [openClocks=1000000] [burstClocks=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
OPEN=${1:-1000000}
BURST=${2:-10000}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -pl sla-service -am package -DskipTests
fi
CP="deploy/devstack/target/devstack-1.0.0-SNAPSHOT.jar:$(cat deploy/devstack/target/launcher.classpath)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -Dslf4j.internal.verbosity=ERROR -cp "$CP" bench/sla-scale/SlaScaleBench.java "$PWD" "$OPEN" "$BURST"
