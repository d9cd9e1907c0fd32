package io.supportplatform.ticket.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.Ticket;

/**
 * Where the next page of a ticket list starts: the sort value and id of the previous page's last ticket, and
 * the order it was taken in (a cursor is only valid for the same order). Opaque to clients: base64url text.
 */
public record PageCursor(TicketOrder order, String value, UUID id) {

    public static PageCursor after(Ticket last, TicketOrder order) {
        String value = switch (order.key()) {
            case CREATED_AT -> last.getCreatedAt().toString();
            case UPDATED_AT -> last.getUpdatedAt().toString();
            case SEVERITY -> Integer.toString(last.getSeverity().level());
        };
        return new PageCursor(order, value, last.getId());
    }

    public String encode() {
        String plain = order.key().name() + "|" + (order.descending() ? "desc" : "asc") + "|" + value + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /** @return the cursor, or empty when the text is no cursor this service handed out */
    public static Optional<PageCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), UTF_8).split("\\|", -1);
            if (parts.length != 4 || !(parts[1].equals("asc") || parts[1].equals("desc"))) {
                return Optional.empty();
            }
            PageCursor cursor = new PageCursor(new TicketOrder(TicketOrder.Key.valueOf(parts[0]),
                    parts[1].equals("desc")), parts[2], UUID.fromString(parts[3]));
            cursor.sortValue(); // must parse
            return Optional.of(cursor);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The sort value typed as the entity's field. */
    public Object sortValue() {
        return switch (order.key()) {
            case CREATED_AT, UPDATED_AT -> Instant.parse(value);
            case SEVERITY -> Severity.ofLevel(Integer.parseInt(value));
        };
    }
}
