package io.supportplatform.gateway.proxy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Writes the platform's RFC 9457 problems for answers the gateway gives itself. Proxied requests never
 * reach JAX-RS, so the exception mappers of {@code libs/problem-json} cannot do it here.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Answers the request directly with a problem; any unread request body is discarded. */
    public void send(HttpServerRequest request, int status, String title, String detail) {
        Buffer body = body(status, title, detail, request.path(), RequestIdHeader.of(request));
        // Drain the (paused) body so the connection can be reused after the answer.
        request.resume();
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIdHeader.NAME, RequestIdHeader.of(request))
                .end(body);
    }

    /** Sends 401 with the RFC 6750 challenge. */
    public void unauthorized(HttpServerRequest request) {
        request.response().putHeader("WWW-Authenticate", "Bearer");
        send(request, 401, "Unauthorized", "A valid bearer token is required.");
    }

    public Buffer body(int status, String title, String detail, String instance, String requestId) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, title, status, detail, instance, requestId, List.of());
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body cannot be serialized", e);
        }
    }
}
