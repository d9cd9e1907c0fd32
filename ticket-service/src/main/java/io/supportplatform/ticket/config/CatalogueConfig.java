package io.supportplatform.ticket.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The products support covers, their current version and patch levels, and the platforms certified for them
 * ({@code ticket.catalogue.products.<key>.*}; the default catalogue and how to change it are in
 * application.properties). Filing checks tickets against it (P5.c, P14.e, P15.f, P15.g).
 */
@ConfigMapping(prefix = "ticket.catalogue")
public interface CatalogueConfig {

    /** By a key of the operator's choosing (e.g. {@code support-server}). */
    Map<String, Product> products();

    interface Product {

        /** As customers name it in a ticket (compared ignoring case). */
        String name();

        /** The version customers are expected to run; any other one is superseded (P14.e). */
        String currentVersion();

        /**
         * Patch levels of the current version, oldest first; the last one must be installed (P14.e, P15.g).
         * Absent: the current version has no patches yet.
         */
        Optional<List<String>> patchLevels();

        /** The platforms certified for the product (P5.c), by a key of the operator's choosing. */
        Map<String, Platform> certifiedPlatforms();
    }

    interface Platform {

        /** As customers name it in a ticket (compared ignoring case). */
        String name();

        /** The certified versions of the platform. */
        List<String> versions();
    }
}
