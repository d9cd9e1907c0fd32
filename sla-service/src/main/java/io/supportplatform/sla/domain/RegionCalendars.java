package io.supportplatform.sla.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The business calendars per region (time zone, weekly opening hours, holidays). A ticket filed without a
 * region, or with one no calendar exists for, is counted in the default region's calendar.
 */
public record RegionCalendars(Map<String, BusinessCalendar> byRegion, String defaultRegion) {

    public RegionCalendars {
        Map<String, BusinessCalendar> normalized = new TreeMap<>();
        byRegion.forEach((region, calendar) -> normalized.put(normalize(region), Objects.requireNonNull(calendar)));
        byRegion = Map.copyOf(normalized);
        defaultRegion = normalize(Objects.requireNonNull(defaultRegion, "defaultRegion"));
        if (!byRegion.containsKey(defaultRegion)) {
            throw new IllegalArgumentException("no business calendar for the default region " + defaultRegion);
        }
    }

    /** The region a ticket's business-hours targets are counted in: its own if known, else the default. */
    public String regionOf(String ticketRegion) {
        String region = ticketRegion == null ? null : normalize(ticketRegion);
        return region != null && byRegion.containsKey(region) ? region : defaultRegion;
    }

    /** The calendar of a region code (as returned by {@link #regionOf}); 24/7 for null. */
    public BusinessCalendar calendar(String region) {
        if (region == null) {
            return BusinessCalendar.alwaysOpen();
        }
        return byRegion.getOrDefault(normalize(region), byRegion.get(defaultRegion));
    }

    public static String normalize(String region) {
        return region.trim().toUpperCase(Locale.ROOT);
    }
}
