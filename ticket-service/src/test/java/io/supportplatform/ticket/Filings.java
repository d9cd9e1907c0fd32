package io.supportplatform.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for {@code POST /api/tickets}. */
public final class Filings {

    private Filings() {
    }

    /**
     * A filing carrying every P5 item, so it is complete at any severity under any configuration.
     * Mutable, so a test can remove or break single items.
     */
    public static Map<String, Object> complete(String systemId, int severity, String subject, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("systemId", systemId);
        body.put("severity", severity);
        body.put("subject", subject);
        body.put("description", description);
        body.put("products", List.of(Map.of("name", "Support Server", "version", "7.2",
                "patches", List.of("7.2.1", "HF-7.2.1-03"))));
        body.put("platforms", List.of(Map.of("name", "SUSE Linux Enterprise Server", "version", "15 SP5")));
        body.put("environment", "Two application servers behind a load balancer, PostgreSQL 16.");
        body.put("reproductionSteps", "Log in as any agent in the web client.");
        body.put("affectedDevices", List.of(Map.of("groupId", "G-17", "deviceId", "D-0042")));
        body.put("errorMessages", List.of("E-401: license check failed"));
        body.put("desiredResult", "Agents can log in again.");
        body.put("specialCircumstances", "Started after applying HF-7.2.1-03.");
        body.put("region", "EMEA");
        body.put("channel", "PORTAL");
        body.put("licenseCode", systemId + "-AB12-CD34");
        return body;
    }
}
