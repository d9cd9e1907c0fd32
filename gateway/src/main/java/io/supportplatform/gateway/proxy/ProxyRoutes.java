package io.supportplatform.gateway.proxy;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.supportplatform.gateway.config.GatewayConfig;
import io.supportplatform.gateway.domain.GatewayRoute;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Puts every public API route on the HTTP router: the caller must present a valid access token and hold a
 * role the route admits, then the request is streamed to the owning service with its path unchanged.
 * The services check the same token again and apply their finer rules.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ProblemResponses problems;

    public ProxyRoutes(GatewayConfig config, Vertx vertx, ProblemResponses problems) {
        this.config = config;
        this.vertx = vertx;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        GatewayConfig.Upstream upstream = config.upstream();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setMaxPoolSize(upstream.maxConnections()));
        for (GatewayRoute route : routes()) {
            RequestOptions origin = originOf(route.upstream());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(new RequestOptions(origin)))
                    .addInterceptor(new ForwardingInterceptor(route.name(), problems));
            for (String prefix : route.pathPrefixes()) {
                // "/api/tickets/*" also matches "/api/tickets" itself, but not "/api/ticketsfoo".
                router.route(prefix + "/*").handler(ctx -> admit(ctx, route::admits, () -> forward(ctx.request(), proxy)));
            }
            LOG.infof("Route %s %s -> %s for roles %s", route.name(), route.pathPrefixes(), route.upstream(),
                    route.rolesAllowed());
        }
        // Registered last: any other API path is authenticated like the rest, then answered 404.
        router.route("/api/*").handler(ctx -> admit(ctx, anyRoles -> true,
                () -> problems.send(ctx.request(), 404, "Not Found", "No resource exists at this address.")));
    }

    List<GatewayRoute> routes() {
        return config.routes().entrySet().stream()
                .map(entry -> new GatewayRoute(entry.getKey(), entry.getValue().paths(), entry.getValue().url(),
                        entry.getValue().rolesAllowed()))
                .sorted(Comparator.comparing(GatewayRoute::name))
                .toList();
    }

    private RequestOptions originOf(URI url) {
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost()))
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setIdleTimeout(config.upstream().idleTimeout().toMillis());
    }

    private static void forward(HttpServerRequest request, HttpProxy proxy) {
        // A client waiting for "100 Continue" sends its body only now that it is admitted; the service
        // then gets the body straight away instead of negotiating again.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.headers().remove(HttpHeaders.EXPECT);
            request.response().writeContinue();
        }
        proxy.handle(request);
    }

    private void admit(RoutingContext ctx, Predicate<Set<String>> rolesAdmitted, Runnable forward) {
        HttpServerRequest request = ctx.request();
        // Keep the body unread until the caller is known; the proxy then streams it on.
        request.pause();
        // The MDC lives in the request's Vert.x context, so the log lines of this exchange carry the id.
        MDC.put("requestId", RequestIdHeader.ensure(request));
        // Quarkus' default lazy-auth failure handler would answer a bare 401; we answer problem+json below.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        Context requestContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, null)
                // Back on the request's context when the identity arrives elsewhere (a key fetch); a token the cache
                // answers arrives right here, and is handled without another event loop task.
                .emitOn(task -> {
                    if (Vertx.currentContext() == requestContext) {
                        task.run();
                    } else {
                        requestContext.runOnContext(ignored -> task.run());
                    }
                })
                .subscribe().with(
                        identity -> {
                            if (identity == null || identity.isAnonymous()) {
                                problems.unauthorized(request);
                            } else if (!rolesAdmitted.test(identity.getRoles())) {
                                problems.send(request, 403, "Forbidden", "Your role does not allow access to this area.");
                            } else {
                                forward.run();
                            }
                        },
                        failure -> {
                            if (failure instanceof AuthenticationFailedException) {
                                problems.unauthorized(request);
                            } else {
                                LOG.errorf(failure, "Authenticating request %s failed", RequestIdHeader.of(request));
                                problems.send(request, 500, "Internal Server Error",
                                        "The request failed unexpectedly; quote the request id when you report it.");
                            }
                        });
    }
}
