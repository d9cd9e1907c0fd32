#!/usr/bin/env bash
# Ticket-intake benchmark against the running local platform (./run-local.sh). Arguments: load levels
# (default 1 8 32): N = N clients as fast as answered, N@R = N clients offering R filings/s together. Environment: BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (10), GATEWAY_URL, TOKEN_URL,
# KAFKA_BOOTSTRAP_SERVERS, BENCH_USER/BENCH_PASSWORD (anna/demo).
set -euo pipefail
cd "$(dirname "$0")"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
# The Kafka client the services use (Quarkus BOM), and its logging API; nothing else is needed.
KAFKA_JAR=$(ls "$M2"/org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar)
SLF4J_JAR=$(ls "$M2"/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx256m -Dslf4j.internal.verbosity=ERROR -cp "$KAFKA_JAR:$SLF4J_JAR" TicketIntakeBench.java "$@"
