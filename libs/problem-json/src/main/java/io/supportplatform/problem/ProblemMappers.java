package io.supportplatform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure of a request into an RFC 9457 problem. Input errors name the offending fields;
 * unexpected errors are logged with the request id and answered without internals.
 * (Needs {@code quarkus.http.auth.proactive=false} in the service so authentication failures surface
 * here instead of in the HTTP layer.)
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, ContainerRequestContext request) {
        return respond(request, e.status(), e.title(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, request); // our own output broke a constraint: a bug, not bad input
        }
        List<Problem.FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldViolation(fieldOf(v.getPropertyPath()), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field))
                .toList();
        return respond(request, 400, "Bad Request", "The request has " + violations.size()
                + (violations.size() == 1 ? " invalid field." : " invalid fields."), violations);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String rule = e instanceof UnrecognizedPropertyException ? "UnknownField" : "Type";
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type or format";
            return respond(request, 400, "Bad Request", "The request body does not match the expected form.",
                    List.of(new Problem.FieldViolation(field, rule, message)));
        }
        return respond(request, 400, "Bad Request", "The request body is not valid JSON.", List.of());
    }

    /** More specific than Quarkus' built-in mapper for the same type, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, ContainerRequestContext request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, "Forbidden", "Your role does not allow this request.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, request);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, request);
        }
        return respond(request, status.getStatusCode(), status.getReasonPhrase(), detailOf(status.getStatusCode()),
                List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "Unexpected failure of request %s", RequestIds.of(request));
        return respond(request, 500, "Internal Server Error",
                "The request failed unexpectedly; quote the request id when you report it.", List.of());
    }

    private static Response unauthorized(ContainerRequestContext request) {
        return Response.fromResponse(respond(request, 401, "Unauthorized",
                "A valid bearer token is required.", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(ContainerRequestContext request, int status, String title, String detail,
            List<Problem.FieldViolation> violations) {
        String instance = request == null ? null : request.getUriInfo().getRequestUri().getRawPath();
        Problem problem = new Problem(Problem.ABOUT_BLANK, title, status, detail, instance, RequestIds.of(request),
                violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this address.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "No acceptable representation is available.";
            case 415 -> "This content type is not supported here.";
            default -> "The request cannot be served.";
        };
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The client's view of a field: {@code create.request.products[0].version} becomes {@code products[0].version}. */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // An element of a list or map: its index sits on the node below the container.
                    if (node.isInIterable() && !parts.isEmpty()) {
                        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                        if (position != null) {
                            int last = parts.size() - 1;
                            parts.set(last, parts.get(last) + "[" + position + "]");
                        }
                    }
                    // A constraint on the element itself (List<@NotBlank String>) is named by the index alone.
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        parts.add(node.getName());
                    }
                }
            }
        }
        // A constraint on a path/query parameter itself (no property below it) names the parameter.
        return parts.isEmpty() ? (parameter == null ? "" : parameter) : String.join(".", parts);
    }

    private static String ruleOf(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
