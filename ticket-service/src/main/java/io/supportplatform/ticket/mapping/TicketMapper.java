package io.supportplatform.ticket.mapping;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.supportplatform.ticket.domain.AffectedDevice;
import io.supportplatform.ticket.domain.Channel;
import io.supportplatform.ticket.domain.FilingDetails;
import io.supportplatform.ticket.domain.PlatformVersion;
import io.supportplatform.ticket.domain.ProductVersion;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.rest.NewTicketRequest;
import io.supportplatform.ticket.rest.ReplyResponse;
import io.supportplatform.ticket.rest.TicketResponse;
import io.supportplatform.ticket.service.FilingExtras;
import io.supportplatform.ticket.service.NewTicket;

/** Between the REST representations and the domain. */
public final class TicketMapper {

    private TicketMapper() {
    }

    public static NewTicket toNewTicket(NewTicketRequest request) {
        FilingDetails details = new FilingDetails(
                map(request.products(), p -> new ProductVersion(p.name(), p.version(),
                        p.patches() == null ? List.of() : List.copyOf(p.patches()))),
                map(request.platforms(), p -> new PlatformVersion(p.name(), p.version())),
                text(request.environment()), text(request.reproductionSteps()),
                map(request.affectedDevices(), d -> new AffectedDevice(d.groupId(), d.deviceId())),
                request.errorMessages() == null ? List.of() : List.copyOf(request.errorMessages()),
                text(request.desiredResult()), text(request.specialCircumstances()), text(request.region()),
                // a request that does not say where it comes from is a direct API call
                request.channel() == null ? Channel.API : request.channel(),
                text(request.licenseCode()));
        return new NewTicket(request.systemId(), request.severity(), request.subject(), request.description(),
                details);
    }

    /** The filing's knowledge-base articles shown before filing (P14.b); nothing else comes with a plain filing. */
    public static FilingExtras toExtras(NewTicketRequest request) {
        return new FilingExtras(request.suggestedArticleIds() == null ? List.of()
                : List.copyOf(request.suggestedArticleIds()), Optional.empty());
    }

    public static TicketResponse toResponse(Ticket ticket) {
        FilingDetails details = ticket.getDetails();
        return new TicketResponse(ticket.getId(), ticket.getTicketNumber(), ticket.getSystemId(),
                ticket.getSeverity().level(), ticket.getSubject(), ticket.getDescription(), ticket.getStatus().name(),
                details.channel().name(), details.region().orElse(null), details.licenseCode().orElse(null),
                details.products(), details.platforms(), details.environment().orElse(null),
                details.reproductionSteps().orElse(null), details.affectedDevices(), details.errorMessages(),
                details.desiredResult().orElse(null), details.specialCircumstances().orElse(null),
                ticket.getCreatedBy(), ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getQueue(),
                ticket.getAssignee().orElse(null), WorkMapper.toResponse(ticket.getDevelopment()),
                ticket.getIntake().eligibilityFlags(), ticket.getIntake().suggestedArticleIds(),
                ticket.getLogExcerpt().orElse(null));
    }

    public static ReplyResponse toResponse(Reply reply) {
        return new ReplyResponse(reply.getId(), reply.getTicketId(), reply.getAuthor(), reply.getAuthorRole().name(),
                reply.getVisibility().name(), reply.getBody(), reply.getPostedAt());
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> mapping) {
        return items == null ? List.of() : items.stream().map(mapping).toList();
    }

    /** Blank optional texts count as not given. */
    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
