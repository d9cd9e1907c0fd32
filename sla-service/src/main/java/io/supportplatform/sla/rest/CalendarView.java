package io.supportplatform.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supportplatform.sla.mapping.CalendarDocument;
import io.supportplatform.sla.repository.CalendarRepository.StoredCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A region's business calendar as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarView(String region, String zone, String description,
        Map<String, List<CalendarDocument.Hours>> weeklyHours, List<String> holidays,
        List<CalendarDocument.YearlyHoliday> yearlyHolidays, Instant updatedAt) {

    static CalendarView of(StoredCalendar stored) {
        CalendarDocument document = stored.document();
        return new CalendarView(stored.region(), document.zone(), document.description(), document.weeklyHours(),
                document.holidays(), document.yearlyHolidays(), stored.updatedAt());
    }
}
