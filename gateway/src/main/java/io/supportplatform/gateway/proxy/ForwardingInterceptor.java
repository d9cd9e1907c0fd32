package io.supportplatform.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import io.supportplatform.problem.Problem;

/**
 * Adds what a service needs to know about the original request (X-Forwarded-*, the request id), echoes
 * the request id to the client, and turns a failed upstream exchange into a problem: 503 when the service
 * cannot be reached, 504 when it does not answer in time, 502 when the exchange breaks otherwise.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final String REQUEST_ID = "requestId";

    private final String routeName;
    private final ProblemResponses problems;

    ForwardingInterceptor(String routeName, ProblemResponses problems) {
        this.routeName = routeName;
        this.problems = problems;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        context.set(REQUEST_ID, request.headers().get(RequestIdHeader.NAME));
        addForwardedHeaders(request);
        return context.sendRequest().recover(failure -> Future.succeededFuture(upstreamFailed(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().putHeader(RequestIdHeader.NAME, context.get(REQUEST_ID, String.class));
        return context.sendResponse();
    }

    private static void addForwardedHeaders(ProxyRequest request) {
        HttpServerRequest incoming = request.proxiedRequest();
        SocketAddress client = incoming.remoteAddress();
        if (client != null) {
            String earlier = request.headers().get("X-Forwarded-For");
            request.putHeader("X-Forwarded-For", earlier == null ? client.hostAddress() : earlier + ", " + client.hostAddress());
        }
        request.putHeader("X-Forwarded-Proto", incoming.scheme());
        String host = incoming.getHeader(HttpHeaders.HOST);
        if (host != null) {
            request.putHeader("X-Forwarded-Host", host);
        }
    }

    private ProxyResponse upstreamFailed(ProxyContext context, Throwable failure) {
        String requestId = context.get(REQUEST_ID, String.class);
        String path = context.request().proxiedRequest().path();
        int status = statusFor(failure);
        // The request id is in the log MDC.
        LOG.warnf("Request to %s failed with %d: %s", routeName, status, failure.toString());
        String detail = switch (status) {
            case 503 -> "The " + routeName + " service is not reachable right now; try again shortly.";
            case 504 -> "The " + routeName + " service did not answer in time.";
            default -> "The " + routeName + " service gave no usable answer.";
        };
        String title = switch (status) {
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Bad Gateway";
        };
        return context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problems.body(status, title, detail, path, requestId)));
    }

    static int statusFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Netty's connect timeout is also a ConnectException: test it first.
            if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
                return 504;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof ConnectionPoolTooBusyException) {
                return 503;
            }
        }
        return 502;
    }
}
