package io.supportplatform.devstack;

import java.nio.file.Path;

/** The six platform services: Maven module, local-run port, and the variable the gateway reads its URL from. */
public enum Service {
    GATEWAY("gateway", 8080, null),
    TICKET("ticket-service", 8081, "TICKET_SERVICE_URL"),
    SLA("sla-service", 8082, "SLA_SERVICE_URL"),
    KB("kb-service", 8083, "KB_SERVICE_URL"),
    CONTACT("contact-service", 8084, "CONTACT_SERVICE_URL"),
    NOTIFICATION("notification-service", 8085, "NOTIFICATION_SERVICE_URL");

    private final String module;
    private final int localPort;
    private final String urlVariable;

    Service(String module, int localPort, String urlVariable) {
        this.module = module;
        this.localPort = localPort;
        this.urlVariable = urlVariable;
    }

    public String module() {
        return module;
    }

    public int localPort() {
        return localPort;
    }

    /** Variable through which the gateway finds this service; null for the gateway itself. */
    public String urlVariable() {
        return urlVariable;
    }

    /** The fast-jar launcher Quarkus packages under {@code <module>/target/quarkus-app/}. */
    public Path runnerJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
