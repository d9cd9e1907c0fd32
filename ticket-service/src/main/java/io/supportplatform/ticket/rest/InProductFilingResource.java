package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.Problem;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Channel;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.service.FilingExtras;
import io.supportplatform.ticket.service.TicketService;

/**
 * The product's "Request Support" button (P2.1): the product sends what it knows about itself, the customer types
 * two or three fields, and the result is a full P5 filing with channel {@code IN_PRODUCT}, under the same rules as
 * {@code POST /api/tickets} (required items per severity, authorized contacts, eligibility flags).
 */
@Path("/api/tickets/in-product")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class InProductFilingResource {

    /**
     * Where the items a severity may demand (ticket.filing.required) come from in this request, so a 400 names
     * the field the product or the customer must fill.
     */
    private static final Map<String, String> FIELD_IN_REQUEST = Map.of(
            "systemId", "diagnostics.systemId",
            "licenseCode", "diagnostics.licenseCode",
            "products", "diagnostics.product",
            "platforms", "diagnostics.platform",
            "affectedDevices", "diagnostics.deviceId",
            "errorMessages", "diagnostics.recentErrors");

    private final TicketService tickets;
    private final CurrentRequester requester;
    private final Validator validator;

    public InProductFilingResource(TicketService tickets, CurrentRequester requester, Validator validator) {
        this.tickets = tickets;
        this.requester = requester;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({ CUSTOMER, AGENT, SUPERVISOR, ADMIN })
    @Operation(summary = "File a ticket from inside the product", description = "Maps the product's diagnostic "
            + "payload (system ID, product, version and patch level, platform, group and device id, recent errors, "
            + "log excerpt) and the customer's subject, description and severity to a full filing (P2.1, P5) with "
            + "channel IN_PRODUCT. The log excerpt is stored with the ticket.")
    @APIResponse(responseCode = "201", description = "Filed; Location points at the new ticket")
    @APIResponse(responseCode = "400", description = "Invalid fields, and the P5 items the severity demands but "
            + "neither the product nor the customer gave, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Role not allowed, a customer filing for another account, or "
            + "not an active authorized contact of an active account (P12.1)")
    public Uni<RestResponse<TicketResponse>> file(@NotNull @Valid InProductFilingRequest request) {
        NewTicketRequest filing = toFiling(request);
        List<Problem.FieldViolation> violations = validator.validate(filing).stream()
                .map(InProductFilingResource::inRequest)
                .sorted(Comparator.comparing(Problem.FieldViolation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request has invalid fields.", violations);
        }
        FilingExtras extras = new FilingExtras(TicketMapper.toExtras(filing).suggestedArticleIds(),
                Optional.ofNullable(request.diagnostics().logExcerpt()).filter(log -> !log.isBlank()));
        return tickets.file(TicketMapper.toNewTicket(filing), extras, requester.get())
                .map(ticket -> RestResponse.ResponseBuilder
                        .<TicketResponse> created(TicketResource.location(ticket.getId()))
                        .entity(TicketMapper.toResponse(ticket))
                        .build());
    }

    /**
     * The filing the button stands for. The product reports the environment it runs in (P5.d), so that item is
     * composed from the diagnostics instead of asking the customer to type it.
     */
    static NewTicketRequest toFiling(InProductFilingRequest request) {
        InProductFilingRequest.Diagnostics diagnostics = request.diagnostics();
        InProductFilingRequest.Product product = diagnostics.product();
        InProductFilingRequest.Platform platform = diagnostics.platform();
        List<String> patches = product.patchLevel() == null ? List.of() : List.of(product.patchLevel());
        String environment = "Reported by the product: " + product.name() + " " + product.version()
                + (product.patchLevel() == null ? " without patches" : " at patch level " + product.patchLevel())
                + " on " + platform.name() + " " + platform.version() + "; filed from device " + diagnostics.deviceId()
                + " in group " + diagnostics.groupId() + ".";
        return new NewTicketRequest(diagnostics.systemId(), request.severity(), request.subject(),
                request.description(),
                List.of(new NewTicketRequest.Product(product.name(), product.version(), patches)),
                List.of(new NewTicketRequest.Platform(platform.name(), platform.version())),
                environment, request.reproductionSteps(),
                List.of(new NewTicketRequest.Device(diagnostics.groupId(), diagnostics.deviceId())),
                diagnostics.recentErrors(), request.desiredResult(), null, null, Channel.IN_PRODUCT,
                diagnostics.licenseCode(), request.suggestedArticleIds());
    }

    private static Problem.FieldViolation inRequest(ConstraintViolation<NewTicketRequest> violation) {
        String field = violation.getPropertyPath().toString();
        String root = field.replaceAll("[.\\[].*", "");
        String mapped = FIELD_IN_REQUEST.containsKey(root) ? FIELD_IN_REQUEST.get(root) : field;
        return new Problem.FieldViolation(mapped,
                violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                violation.getMessage());
    }
}
