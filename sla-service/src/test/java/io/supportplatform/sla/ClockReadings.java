package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the service under test holds for a ticket, read to compare one delivery of its events with another: the
 * events and clock rows in its database, its duplicate counter, its clocks without what changes with the time of
 * reading. For {@code @QuarkusTest}s of the ticket-event consumer.
 */
final class ClockReadings {

    private ClockReadings() {
    }

    /** Events held for the ticket, of one type or (null) of all. */
    static long storedEvents(UUID ticketId, String type) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from ticket_event where ticket_id = ? and event_type = coalesce(?, event_type)")) {
            query.setObject(1, ticketId);
            query.setString(2, type);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** When each of the ticket's clock rows was last written, by clock type and cycle; it has {@code clocks}. */
    static Map<String, Instant> updatedAt(UUID ticketId, int clocks) throws SQLException {
        Map<String, Instant> updated = new HashMap<>();
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "select clock_type || '#' || cycle, updated_at from response_clock where ticket_id = ?")) {
            query.setObject(1, ticketId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    updated.put(result.getString(1), result.getTimestamp(2).toInstant());
                }
            }
        }
        assertEquals(clocks, updated.size(), clocks + " clocks stored: " + updated);
        return updated;
    }

    /** Events recognized as duplicates so far (P13: each counts once, every copy after is a duplicate). */
    static double duplicateEvents() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^sla_ticket_events_total\\{[^}]*outcome=\"duplicate\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** The clocks as read through the API, without the ticket id and what changes with the instant of reading. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> withoutTimeOfReading(JsonPath clocks) {
        return clocks.getList("$", Map.class).stream().map(clock -> {
            Map<String, Object> stable = new HashMap<>(clock);
            List.of("ticketId", "elapsedSeconds", "remainingSeconds", "overdueSeconds", "pausedSeconds")
                    .forEach(stable::remove);
            return stable;
        }).toList();
    }

    static Connection database() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
