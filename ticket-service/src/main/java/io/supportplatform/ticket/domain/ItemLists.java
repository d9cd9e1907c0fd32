package io.supportplatform.ticket.domain;

import java.util.List;

/** The list-valued P5 items of a ticket, stored together as one JSON object. */
public record ItemLists(List<ProductVersion> products, List<PlatformVersion> platforms,
        List<AffectedDevice> affectedDevices, List<String> errorMessages) {
}
