package io.supportplatform.ticket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportplatform.ticket.config.CatalogueConfig;
import io.supportplatform.ticket.domain.EligibilityFlag;
import io.supportplatform.ticket.domain.FilingDetails;
import io.supportplatform.ticket.domain.PlatformVersion;
import io.supportplatform.ticket.domain.ProductVersion;

/**
 * Checks a filing against the product catalogue ({@link CatalogueConfig}). Support is not owed for an uncertified
 * platform (P5.c, P15.f) or a superseded version or patch level (P14.e, P15.g), but whether an exclusion applies
 * is for support to judge with the customer: the ticket is accepted and flagged, never refused.
 */
@ApplicationScoped
public class EligibilityCheck {

    private final CatalogueConfig catalogue;

    public EligibilityCheck(CatalogueConfig catalogue) {
        this.catalogue = catalogue;
    }

    /** Every reason found, in the order of the filing's products; empty when the filing is fine. */
    public List<EligibilityFlag> check(FilingDetails details) {
        List<EligibilityFlag> flags = new ArrayList<>();
        for (ProductVersion filed : details.products()) {
            Optional<CatalogueConfig.Product> known = product(filed.name());
            if (known.isEmpty()) {
                flags.add(new EligibilityFlag(EligibilityFlag.UNKNOWN_PRODUCT, "P5.b", "Product " + filed.name()
                        + " is not in the support catalogue, so its version, patches and platforms were not checked."));
                continue;
            }
            CatalogueConfig.Product product = known.get();
            if (!product.currentVersion().equalsIgnoreCase(filed.version())) {
                flags.add(new EligibilityFlag(EligibilityFlag.SUPERSEDED_VERSION, "P14.e", product.name() + " "
                        + filed.version() + " is not the current version " + product.currentVersion()
                        + "; support may ask you to update first."));
            } else if (product.patchLevels().filter(levels -> !levels.isEmpty()).isPresent()) {
                List<String> levels = product.patchLevels().get();
                String latest = levels.get(levels.size() - 1);
                if (filed.patches().stream().noneMatch(latest::equalsIgnoreCase)) {
                    flags.add(new EligibilityFlag(EligibilityFlag.OUTDATED_PATCH_LEVEL, "P15.g", product.name() + " "
                            + filed.version() + " lacks the current patch level " + latest
                            + "; problems it fixes are not covered until it is installed."));
                }
            }
            for (PlatformVersion platform : details.platforms()) {
                if (!certified(product, platform)) {
                    flags.add(new EligibilityFlag(EligibilityFlag.UNCERTIFIED_PLATFORM, "P15.f", "Platform "
                            + platform.name() + " " + platform.version() + " is not certified for " + product.name()
                            + " (certified: " + describe(product) + ")."));
                }
            }
        }
        return flags;
    }

    private Optional<CatalogueConfig.Product> product(String name) {
        return catalogue.products().values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    private static boolean certified(CatalogueConfig.Product product, PlatformVersion platform) {
        return product.certifiedPlatforms().values().stream()
                .anyMatch(p -> p.name().equalsIgnoreCase(platform.name())
                        && p.versions().stream().anyMatch(v -> v.equalsIgnoreCase(platform.version())));
    }

    private static String describe(CatalogueConfig.Product product) {
        return product.certifiedPlatforms().values().stream()
                .map(p -> p.name() + " " + String.join(", ", p.versions()))
                .sorted()
                .collect(Collectors.joining("; "));
    }
}
