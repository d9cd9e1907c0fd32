package io.supportplatform.ticket.domain;

import java.util.List;

/** A product the problem concerns, its version and every maintenance update or patch applied (P5.b). */
public record ProductVersion(String name, String version, List<String> patches) {
}
