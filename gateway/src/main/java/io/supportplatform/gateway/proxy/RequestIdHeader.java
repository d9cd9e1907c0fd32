package io.supportplatform.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway is where a request gets its id: a client's plausible {@code X-Request-Id} is kept, anything
 * else is replaced, so the services and the client see one id for the whole round trip.
 */
final class RequestIdHeader {

    static final String NAME = "X-Request-Id";
    // Same rule as io.supportplatform.problem.RequestIds, so a service never replaces an id the gateway passed.
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIdHeader() {
    }

    /** Makes sure the incoming request carries a usable id (the proxy copies its headers upstream). */
    static String ensure(HttpServerRequest request) {
        String given = request.getHeader(NAME);
        if (given != null && PLAUSIBLE.matcher(given).matches()) {
            return given;
        }
        String id = UUID.randomUUID().toString();
        request.headers().set(NAME, id);
        return id;
    }

    static String of(HttpServerRequest request) {
        return request.getHeader(NAME);
    }
}
