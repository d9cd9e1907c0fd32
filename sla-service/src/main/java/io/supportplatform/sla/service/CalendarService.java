package io.supportplatform.sla.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.config.SlaConfig;
import io.supportplatform.sla.domain.BusinessCalendar;
import io.supportplatform.sla.domain.RegionCalendars;
import io.supportplatform.sla.mapping.CalendarDocument;
import io.supportplatform.sla.mapping.CalendarMapper;
import io.supportplatform.sla.repository.CalendarRepository;
import io.supportplatform.sla.repository.CalendarRepository.StoredCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regional business calendars. A changed calendar applies to a ticket's clocks from their next
 * recomputation (the ticket's next event); clocks are not rewritten in bulk.
 */
@ApplicationScoped
public class CalendarService {

    private final CalendarRepository calendars;
    private final SlaConfig config;

    public CalendarService(CalendarRepository calendars, SlaConfig config) {
        this.calendars = calendars;
        this.config = config;
    }

    /** Within the caller's session. */
    public Uni<RegionCalendars> regionCalendars() {
        return calendars.all().map(stored -> {
            Map<String, BusinessCalendar> byRegion = new LinkedHashMap<>();
            stored.forEach(calendar -> byRegion.put(calendar.region(), CalendarMapper.toDomain(calendar.document())));
            return new RegionCalendars(byRegion, config.defaultRegion());
        });
    }

    @WithSession
    public Uni<List<StoredCalendar>> all() {
        return calendars.all();
    }

    @WithSession
    public Uni<StoredCalendar> of(String region) {
        return calendars.all().map(stored -> stored.stream().filter(calendar -> calendar.region().equals(region))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No business calendar for region " + region + ".")));
    }

    /**
     * Validates the whole calendar first, then stores it in one statement: a bad one saves nothing.
     *
     * @return whether the region's calendar was new
     */
    @WithTransaction
    public Uni<Boolean> put(String region, CalendarDocument document) {
        CalendarMapper.requireValidRegion(region);
        CalendarMapper.toDomain(document);
        return calendars.put(region, document);
    }
}
