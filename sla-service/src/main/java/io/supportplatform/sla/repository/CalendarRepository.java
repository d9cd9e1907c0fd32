package io.supportplatform.sla.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.mapping.CalendarDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The regional business calendars, stored as validated {@link CalendarDocument}s. */
@ApplicationScoped
public class CalendarRepository {

    private static final TypeReference<Map<String, List<CalendarDocument.Hours>>> WEEKLY = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> DATES = new TypeReference<>() {
    };
    private static final TypeReference<List<CalendarDocument.YearlyHoliday>> YEARLY = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public CalendarRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A stored calendar and when it last changed. */
    public record StoredCalendar(String region, CalendarDocument document, Instant updatedAt) {
    }

    public Uni<List<StoredCalendar>> all() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select region, zone, description, weekly_hours, holidays, yearly_holidays, updated_at
                        from business_calendar order by region""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(this::toStored).toList()));
    }

    /** Creates or replaces the region's calendar; {@code true} when it was new. */
    public Uni<Boolean> put(String region, CalendarDocument document) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into business_calendar (region, zone, description, weekly_hours, holidays,
                                                       yearly_holidays, updated_at)
                        values (:region, :zone, :description, :weeklyHours, :holidays, :yearlyHolidays, now())
                        on conflict (region) do update set zone = excluded.zone, description = excluded.description,
                            weekly_hours = excluded.weekly_hours, holidays = excluded.holidays,
                            yearly_holidays = excluded.yearly_holidays, updated_at = now()
                        returning (xmax = 0)""", Boolean.class)
                .setParameter("region", region)
                .setParameter("zone", document.zone())
                .setParameter("description", document.description())
                .setParameter("weeklyHours", write(document.weeklyHours()))
                .setParameter("holidays", write(document.holidays() == null ? List.of() : document.holidays()))
                .setParameter("yearlyHolidays",
                        write(document.yearlyHolidays() == null ? List.of() : document.yearlyHolidays()))
                .getSingleResult());
    }

    private StoredCalendar toStored(Object[] row) {
        CalendarDocument document = new CalendarDocument((String) row[1], (String) row[2],
                read((String) row[3], WEEKLY), read((String) row[4], DATES), read((String) row[5], YEARLY));
        return new StoredCalendar((String) row[0], document, instant(row[6]));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calendar not serialisable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calendar unreadable: " + text, e);
        }
    }
}
