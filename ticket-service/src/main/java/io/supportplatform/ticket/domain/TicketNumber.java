package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The official, human-readable reference of a ticket (P2.2, P6.1): {@code TCK-<year>-<sequence>}, the
 * year of filing (UTC) and a database sequence zero-padded to six digits, e.g. {@code TCK-2026-000042}.
 * The sequence is global, so numbers stay unique across years; it simply grows past six digits.
 */
public final class TicketNumber {

    public static final String PATTERN = "^TCK-\\d{4}-\\d{6,}$";

    private TicketNumber() {
    }

    public static String of(Instant filedAt, long sequence) {
        // by hand rather than String.format, which parses its pattern on every filing
        String digits = Long.toString(sequence);
        StringBuilder number = new StringBuilder(16).append("TCK-")
                .append(filedAt.atZone(ZoneOffset.UTC).getYear()).append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }
}
