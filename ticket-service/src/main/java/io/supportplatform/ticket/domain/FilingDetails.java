package io.supportplatform.ticket.domain;

import java.util.List;
import java.util.Optional;

/**
 * The P5 items a request carries besides system ID, severity, subject and problem description, plus
 * where it came from. Optional texts are empty when not given; lists are never null.
 *
 * @param products products with versions and applied patches (P5.b)
 * @param platforms platforms with versions (P5.c)
 * @param environment the operating environment (P5.d)
 * @param reproductionSteps a reproducible test case (P5.e)
 * @param affectedDevices group and device ids of the affected clients (P5.f)
 * @param errorMessages the exact wording of every error message (P5.h)
 * @param desiredResult the result the customer wants (P5.i)
 * @param specialCircumstances circumstances under which the problem occurred (P5.j)
 * @param region the customer's region, e.g. for the regional Tier-2 network (P8.1)
 * @param channel how the request was filed (P2.1)
 * @param licenseCode the license code; its first six digits are the system ID (P5.a)
 */
public record FilingDetails(List<ProductVersion> products, List<PlatformVersion> platforms,
        Optional<String> environment, Optional<String> reproductionSteps, List<AffectedDevice> affectedDevices,
        List<String> errorMessages, Optional<String> desiredResult, Optional<String> specialCircumstances,
        Optional<String> region, Channel channel, Optional<String> licenseCode) {
}
