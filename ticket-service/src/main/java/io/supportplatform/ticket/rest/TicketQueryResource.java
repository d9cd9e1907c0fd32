package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.config.ReadingConfig;
import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.service.PageCursor;
import io.supportplatform.ticket.service.TicketOrder;
import io.supportplatform.ticket.service.TicketQueries;
import io.supportplatform.ticket.service.TicketQuery;

/** Reading tickets (issue 3, item 9): lists, lookup by ticket number, history. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketQueryResource {

    private static final String SYSTEM_ID = "^[0-9]{6}$";

    private final TicketQueries queries;
    private final CurrentRequester requester;
    private final ReadingConfig config;

    public TicketQueryResource(TicketQueries queries, CurrentRequester requester, ReadingConfig config) {
        this.queries = queries;
        this.requester = requester;
        this.config = config;
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "List tickets", description = "Filters combine with AND, repeated values of one filter "
            + "with OR. Support sees every account (filter with `systemId`); a customer only their own account, "
            + "whatever `systemId` says. Keyset pages: pass `nextCursor` back as `cursor` with the same filters "
            + "and order.")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @APIResponse(responseCode = "400", description = "A malformed filter, order, cursor or limit, named in `violations`")
    public Uni<TicketPageResponse> list(
            @QueryParam("status") List<String> status,
            @QueryParam("severity") List<String> severity,
            @QueryParam("systemId") String systemId,
            @QueryParam("assignee") String assignee,
            @QueryParam("flagged") String flagged,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        TicketOrder ticketOrder = order(sort, order);
        Optional<PageCursor> after = Optional.ofNullable(cursor).map(text -> PageCursor.decode(text)
                .filter(decoded -> decoded.order().equals(ticketOrder))
                .orElseThrow(() -> ProblemException.badRequest("cursor", "Cursor",
                        "Not a cursor of this list in this order; start again without one.")));
        if (systemId != null && !systemId.matches(SYSTEM_ID)) {
            throw ProblemException.badRequest("systemId", "Pattern", "A system ID has six digits (P5.a).");
        }
        if (assignee != null && !assignee.matches(AssignmentRequest.SUPPORT_USERNAME)) {
            throw ProblemException.badRequest("assignee", "Pattern", "Not a support username.");
        }
        if (flagged != null && !flagged.equals("true") && !flagged.equals("false")) {
            throw ProblemException.badRequest("flagged", "Boolean", "flagged is true or false.");
        }
        int pageSize = limit == null ? config.defaultPageSize() : limit;
        if (pageSize < 1 || pageSize > config.maxPageSize()) {
            throw ProblemException.badRequest("limit", "Range",
                    "Page size must be between 1 and " + config.maxPageSize() + ".");
        }
        TicketQuery query = new TicketQuery(
                values("status", status, TicketStatus.class, TicketStatus::valueOf),
                values("severity", severity, Severity.class, level -> Severity.ofLevel(Integer.parseInt(level))),
                Optional.ofNullable(systemId), Optional.ofNullable(assignee),
                Optional.ofNullable(flagged).map(Boolean::valueOf), instant("createdFrom", createdFrom), instant("createdTo", createdTo),
                ticketOrder, after, pageSize);
        return queries.list(query, requester.get())
                .map(page -> new TicketPageResponse(page.tickets().stream().map(TicketMapper::toResponse).toList(),
                        page.next().map(PageCursor::encode).orElse(null)));
    }

    @GET
    @Path("/by-number/{ticketNumber}")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a ticket by its number", description = "The number customers quote (P6.1). "
            + "Another account's ticket is answered 404.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<TicketResponse> byNumber(@PathParam("ticketNumber") String ticketNumber) {
        return queries.byNumber(ticketNumber, requester.get()).map(TicketMapper::toResponse);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "A ticket's history", description = "Every state change, oldest first: the event "
            + "published for it, who and when. Customers see their account's tickets only, without internal "
            + "notes (P3.1) or support-internal events.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<HistoryEntryResponse>> history(@PathParam("id") String id) {
        return queries.history(id, requester.get()).map(entries -> entries.stream()
                .map(entry -> new HistoryEntryResponse(entry.getEventId(), entry.getSequence(), entry.getEventType(),
                        entry.getActor(), entry.getOccurredAt(), entry.getData()))
                .toList());
    }

    private static TicketOrder order(String sort, String order) {
        TicketOrder.Key key = TicketOrder.NEWEST_FIRST.key();
        if (sort != null) {
            key = EnumSet.allOf(TicketOrder.Key.class).stream().filter(k -> k.field.equals(sort)).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("sort", "OneOf",
                            "Sort by createdAt, updatedAt or severity."));
        }
        boolean descending = TicketOrder.NEWEST_FIRST.descending();
        if (order != null) {
            switch (order.toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw ProblemException.badRequest("order", "OneOf", "Order is asc or desc.");
            }
        }
        return new TicketOrder(key, descending);
    }

    private static <E extends Enum<E>> Set<E> values(String field, List<String> texts, Class<E> type,
            Function<String, E> parse) {
        Set<E> values = EnumSet.noneOf(type);
        for (String text : texts == null ? List.<String> of() : texts) {
            for (String value : text.split(",")) {
                try {
                    values.add(parse.apply(value.trim()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(field, "OneOf", "Unknown " + field + " '" + value.trim() + "'.");
                }
            }
        }
        return values;
    }

    private static Optional<Instant> instant(String field, String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "Instant",
                    "An ISO-8601 instant such as 2026-11-28T09:00:00Z is expected.");
        }
    }
}
