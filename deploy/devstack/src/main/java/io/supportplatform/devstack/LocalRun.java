package io.supportplatform.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * {@code ./run-local.sh}: the whole platform on this machine on the ports of docs/DEVELOPMENT.md, data kept in
 * {@code <repo>/.devstack/}. Prints where everything is, the demo users and a curl that files a ticket; Ctrl-C
 * or SIGTERM stops everything. Argument: the repository root (default: the working directory).
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %5$s%6$s%n");
        Path repoRoot = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        DevStack.Options options = DevStack.Options.localRun(repoRoot);
        System.out.println("Starting the support platform from " + repoRoot + " (data and logs in "
                + options.dataDir() + ") ...");

        long began = System.nanoTime();
        DevStack stack = DevStack.create(options);
        // Registered before anything starts: Ctrl-C during start-up stops what is already up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the support platform ...");
            long stopping = System.nanoTime();
            stack.close();
            System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
        }, "devstack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("\nStart-up failed: " + e.getMessage());
            System.exit(1);
        }
        printSummary(stack, Duration.ofNanos(System.nanoTime() - began));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printSummary(DevStack stack, Duration total) {
        StringBuilder out = new StringBuilder("\n=== Support platform up in ")
                .append(seconds(total)).append(" ===\n\n");
        out.append(String.format("Gateway   %s%n", stack.gatewayUrl()));
        out.append(String.format("Keycloak  %s   (admin console %s/admin, %s/%s)%n", stack.keycloakUrl(),
                stack.keycloakUrl(), KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD));
        out.append(String.format("Kafka     %s%n", stack.kafkaBootstrapServers()));
        out.append(String.format("Postgres  %s (user %s/%s)%n", stack.postgresJdbcUrl("<ticket|sla|contact|"
                + "notification>"), stack.postgresUser(), stack.postgresPassword()));
        out.append(String.format("MongoDB   %s%s%n", stack.mongoUri(),
                stack.mongo() == null ? "" : " (mongo-java-server, storage: " + stack.mongo().storage() + ")"));

        out.append("\nStart-up (ready after) and resident memory:\n");
        Map<String, Duration> times = stack.startTimes();
        if (stack.kafka() != null) {
            row(out, "kafka", times, stack.kafka().pid(), ProcessStats.treeRssMib(stack.kafka().pid()));
        }
        if (stack.postgres() != null) {
            long pm = stack.postgres().postmasterPid();
            row(out, "postgres", times, pm, ProcessStats.treeRssMib(pm));
        }
        if (stack.keycloak() != null) {
            long kc = stack.keycloak().pid();
            row(out, "keycloak", times, kc, ProcessStats.treeRssMib(kc));
        }
        if (stack.mongo() != null) {
            long self = ProcessHandle.current().pid();
            row(out, "mongo", times, self, ProcessStats.rssMib(self));
            out.append("            (in this launcher JVM)\n");
        }
        stack.services().forEach((service, process) ->
                row(out, service.module(), times, process.pid(), ProcessStats.treeRssMib(process.pid())));
        stack.serviceFailures().forEach((service, why) ->
                out.append(String.format("  %-22s NOT RUNNING: %s%n", service.module(), firstLine(why))));

        out.append("\nDemo users (realm ").append(KeycloakServer.REALM).append("):\n");
        List<String> users = demoUsers(stack.options().realmFile());
        users.forEach(u -> out.append("  ").append(u).append('\n'));

        out.append("\nFile a ticket as anna (customer of system 100001):\n\n");
        out.append("TOKEN=$(curl -s ").append(stack.tokenEndpoint())
                .append(" -d grant_type=password -d client_id=support-portal -d username=anna -d password=demo"
                        + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        out.append("curl -i -X POST ").append(stack.gatewayUrl()).append("/api/tickets"
                + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                + " -d '{\"systemId\":\"100001\",\"severity\":1,\"subject\":\"Production system down\","
                + "\"description\":\"Our order entry fails since 09:00 with error 500.\"}'\n");
        out.append("\nLogs: ").append(stack.options().dataDir()).append("/{logs,kafka,postgres,keycloak}/");
        out.append("\nCtrl-C stops everything.\n");
        System.out.println(out);
    }

    private static void row(StringBuilder out, String name, Map<String, Duration> times, long pid, long rssMib) {
        Duration took = times.get(name);
        out.append(String.format("  %-22s %7s  pid %-7d RSS %5d MiB%n", name, took == null ? "-" : seconds(took),
                pid, rssMib));
    }

    /** "anna / demo  customer, system_id 100001" for each user of the realm file that has a password. */
    @SuppressWarnings("unchecked")
    private static List<String> demoUsers(Path realmFile) {
        try {
            Map<String, Object> realm = JsonUtil.parseJson(Files.readString(realmFile));
            List<Map<String, Object>> users = (List<Map<String, Object>>) realm.getOrDefault("users", List.of());
            return users.stream()
                    .filter(u -> u.get("credentials") instanceof List<?> c && !c.isEmpty())
                    .map(u -> {
                        Map<String, Object> credential = ((List<Map<String, Object>>) u.get("credentials")).get(0);
                        Object roles = u.getOrDefault("realmRoles", List.of());
                        Object attributes = u.get("attributes");
                        String systemId = attributes instanceof Map<?, ?> a && a.get("system_id") instanceof List<?> s
                                && !s.isEmpty() ? ", system_id " + s.get(0) : "";
                        return String.format("%-12s password %-8s roles %s%s", u.get("username"),
                                credential.get("value"), roles, systemId);
                    })
                    .toList();
        } catch (IOException | JoseException | RuntimeException e) {
            return List.of("(cannot read " + realmFile + ": " + e.getMessage() + ")");
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
