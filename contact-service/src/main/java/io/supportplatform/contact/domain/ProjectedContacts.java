package io.supportplatform.contact.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The contacts an account will have on a day, taking the redesignations (P12.5) due by then into account. As for
 * the quota of today (P12.2), a contact counts from the day it is named until its authorization ends, so one
 * scheduled to start later already takes its slot.
 */
public final class ProjectedContacts {

    /** existing contacts still current on the day: id to e-mail address (lower case) */
    private final Map<UUID, String> existing = new LinkedHashMap<>();
    /** e-mail addresses (lower case) of the contacts the redesignations add by the day */
    private final List<String> added = new ArrayList<>();

    private ProjectedContacts() {
    }

    /**
     * @param contacts every contact record of the account, ended ones included
     * @param changes redesignations to apply; those effective after {@code day} are ignored
     */
    public static ProjectedContacts on(LocalDate day, List<AuthorizedContact> contacts, List<ContactChanges> changes) {
        ProjectedContacts projection = new ProjectedContacts();
        for (AuthorizedContact contact : contacts) {
            if (contact.getAuthorizedUntil() == null || contact.getAuthorizedUntil().isAfter(day)) {
                projection.existing.put(contact.getId(), lower(contact.getEmail()));
            }
        }
        changes.stream()
                .filter(change -> !change.effectiveOn().isAfter(day))
                .sorted(Comparator.comparing(ContactChanges::effectiveOn))
                .forEach(projection::apply);
        return projection;
    }

    private void apply(ContactChanges change) {
        change.removals().forEach(existing::remove);
        change.additions().forEach(contact -> added.add(lower(contact.email())));
    }

    public int count() {
        return existing.size() + added.size();
    }

    /** Whether the existing contact is still authorized (or scheduled) on the day. */
    public boolean isCurrent(UUID contactId) {
        return existing.containsKey(contactId);
    }

    /** Whether a contact on the day uses the e-mail address (ignoring case), leaving out the given contacts. */
    public boolean emailTaken(String email, List<UUID> leavingOut) {
        String wanted = lower(email);
        return added.contains(wanted) || existing.entrySet().stream()
                .anyMatch(entry -> entry.getValue().equals(wanted) && !leavingOut.contains(entry.getKey()));
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
