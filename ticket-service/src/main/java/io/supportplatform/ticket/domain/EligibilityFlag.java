package io.supportplatform.ticket.domain;

/**
 * Why a ticket may fall outside what support owes, found when it was filed: the ticket is accepted, but agent and
 * customer see the reason.
 *
 * @param code what was found, e.g. {@code UNCERTIFIED_PLATFORM}
 * @param rule the policy rule it rests on, e.g. {@code P15.f}
 * @param message the reason in words
 */
public record EligibilityFlag(String code, String rule, String message) {

    /** P5.c, P15.f: the problem must be reproducible on a platform certified for the product. */
    public static final String UNCERTIFIED_PLATFORM = "UNCERTIFIED_PLATFORM";
    /** P14.e: the customer runs a version that a newer one superseded. */
    public static final String SUPERSEDED_VERSION = "SUPERSEDED_VERSION";
    /** P14.e, P15.g: the current patch level of the product's version is not installed. */
    public static final String OUTDATED_PATCH_LEVEL = "OUTDATED_PATCH_LEVEL";
    /** P5.b: the product is not in the catalogue, so nothing about it could be checked. */
    public static final String UNKNOWN_PRODUCT = "UNKNOWN_PRODUCT";
}
