package io.supportplatform.ticket.domain;

/** An affected client, by its group ID and device ID (P5.f). */
public record AffectedDevice(String groupId, String deviceId) {
}
