#!/usr/bin/env bash
# Runs the whole support platform on this machine without Docker: Kafka, PostgreSQL, a MongoDB-wire server,
# Keycloak and the six services, on the ports of docs/DEVELOPMENT.md, data under .devstack/.
# Builds first when a jar is missing or older than its sources (DEVSTACK_SKIP_BUILD=1: start what is built).
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"

LAUNCHER_JAR=deploy/devstack/target/devstack-1.0.0-SNAPSHOT.jar
LAUNCHER_CP=deploy/devstack/target/launcher.classpath

# module -> the artifact its build produces
declare -A ARTIFACT=(
  [deploy/infra-artifacts]=deploy/infra-artifacts/target/infra-artifacts-1.0.0-SNAPSHOT.jar
  [deploy/devstack]=$LAUNCHER_JAR
  [libs/problem-json]=libs/problem-json/target/problem-json-1.0.0-SNAPSHOT.jar
)
for service in gateway ticket-service sla-service kb-service contact-service notification-service; do
  ARTIFACT[$service]=$service/target/quarkus-app/quarkus-run.jar
done

stale() { # true when the module's artifact is missing or a source/pom/resource is newer
  local module=$1 artifact=$2
  [ -d "$module" ] || return 1
  [ -f "$artifact" ] || return 0
  [ -n "$(find "$module" -path "$module/target" -prune -o -type f -newer "$artifact" -print -quit)" ]
}

needs_build=()
for module in "${!ARTIFACT[@]}"; do
  if stale "$module" "${ARTIFACT[$module]}"; then needs_build+=("$module"); fi
done
if [ -n "$(find . -maxdepth 1 -name pom.xml -newer "$LAUNCHER_JAR" 2>/dev/null)" ] || [ ! -f "$LAUNCHER_CP" ]; then
  needs_build+=(pom.xml)
fi

if [ ${#needs_build[@]} -gt 0 ] && [ "${DEVSTACK_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (changed or not built: ${needs_build[*]}) ..."
  # -fae: a service that does not compile yet must not keep the others from running.
  if ! ./mvnw -q install -DskipTests -fae; then
    echo "WARNING: the build failed for some modules; starting whatever was built." >&2
  fi
fi
if [ ! -f "$LAUNCHER_JAR" ] || [ ! -f "$LAUNCHER_CP" ]; then
  echo "The launcher (module deploy/devstack) is not built; see the build output above." >&2
  exit 1
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx256m -Dslf4j.internal.verbosity=ERROR \
  -cp "$LAUNCHER_JAR:$(cat "$LAUNCHER_CP")" io.supportplatform.devstack.LocalRun "$ROOT"
