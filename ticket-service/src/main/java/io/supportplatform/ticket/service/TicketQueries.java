package io.supportplatform.ticket.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.config.ReadingConfig;
import io.supportplatform.ticket.domain.HistoryEntry;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.repository.HistoryRepository;
import io.supportplatform.ticket.repository.TicketRepository;

/** Reading tickets (issue 3, item 9): by number, as filtered and paged lists, and their history. */
@ApplicationScoped
public class TicketQueries {

    private final TicketRepository tickets;
    private final HistoryRepository history;
    private final TicketService ticketService;
    private final ReadingConfig config;

    public TicketQueries(TicketRepository tickets, HistoryRepository history, TicketService ticketService,
            ReadingConfig config) {
        this.tickets = tickets;
        this.history = history;
        this.ticketService = ticketService;
        this.config = config;
    }

    /** The ticket with this number (P6.1) if the requester may see it; another account's is not found. */
    @WithSession
    public Uni<Ticket> byNumber(String ticketNumber, Requester requester) {
        return tickets.find("ticketNumber", ticketNumber).firstResult()
                .map(ticket -> TicketAccess.visible(ticket, ticketNumber, requester));
    }

    /**
     * One page of the tickets the requester may see. A customer's account comes from their token and is
     * always part of the filter; a different account asked for simply matches nothing.
     */
    @WithSession
    public Uni<TicketPage> list(TicketQuery query, Requester requester) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!requester.staff()) {
            // no system ID in the token: nothing to see
            where.add("systemId = :ownSystemId");
            params.put("ownSystemId", requester.systemId().orElse(""));
        }
        query.systemId().ifPresent(systemId -> {
            where.add("systemId = :systemId");
            params.put("systemId", systemId);
        });
        query.assignee().ifPresent(assignee -> {
            where.add("assignee = :assignee");
            params.put("assignee", assignee);
        });
        query.flagged().ifPresent(flagged -> {
            where.add("flagged = :flagged");
            params.put("flagged", flagged);
        });
        if (!query.statuses().isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (!query.severities().isEmpty()) {
            where.add("severity in :severities");
            params.put("severities", query.severities());
        }
        query.createdFrom().ifPresent(from -> {
            where.add("createdAt >= :createdFrom");
            params.put("createdFrom", from);
        });
        query.createdTo().ifPresent(to -> {
            where.add("createdAt < :createdTo");
            params.put("createdTo", to);
        });
        TicketOrder order = query.order();
        String field = order.key().field;
        query.after().ifPresent(cursor -> {
            String beyond = order.descending() ? "<" : ">";
            where.add("(" + field + " " + beyond + " :afterValue or (" + field + " = :afterValue and id " + beyond
                    + " :afterId))");
            params.put("afterValue", cursor.sortValue());
            params.put("afterId", cursor.id());
        });
        Sort.Direction direction = order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort sort = Sort.by(field, direction).and("id", direction);
        String hql = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        // one more than the page: tells whether a next page exists without a count query
        return tickets.find(hql, sort, parameters).range(0, query.limit()).list()
                .map(found -> {
                    boolean more = found.size() > query.limit();
                    List<Ticket> page = more ? found.subList(0, query.limit()) : found;
                    return new TicketPage(page, more
                            ? Optional.of(PageCursor.after(page.get(page.size() - 1), order))
                            : Optional.empty());
                });
    }

    /**
     * Every state change of the ticket, oldest first (issue 3, item 9). Support sees all; a customer only the
     * event types configured as customer-visible, and never an internal note (P3.1).
     */
    @WithSession
    public Uni<List<HistoryEntry>> history(String id, Requester requester) {
        return ticketService.find(id, requester)
                .flatMap(ticket -> history.of(ticket.getId()))
                .map(entries -> requester.staff() ? entries
                        : entries.stream()
                                .filter(entry -> config.customerVisibleEvents().contains(entry.getEventType()))
                                .filter(entry -> !entry.internal())
                                .toList());
    }
}
