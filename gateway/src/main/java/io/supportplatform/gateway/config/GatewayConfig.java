package io.supportplatform.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing table and upstream connection settings of the gateway ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Public API areas by name (tickets, sla, kb, contacts, notifications). */
    Map<String, Route> routes();

    Upstream upstream();

    interface Route {
        /** Path prefixes served by this route, e.g. {@code /api/contacts}; sub-paths included. */
        List<String> paths();

        /** Base URL of the service; the request path is passed on unchanged. */
        URI url();

        /** Realm roles allowed through; {@code **} admits any authenticated user. */
        Set<String> rolesAllowed();
    }

    interface Upstream {
        /** How long to wait for a TCP connection to a service before answering 504. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a service may stay silent (no response bytes) before the gateway answers 504. */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Pooled HTTP/1.1 connections per service. */
        @WithDefault("64")
        int maxConnections();
    }
}
