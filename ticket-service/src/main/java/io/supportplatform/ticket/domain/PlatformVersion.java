package io.supportplatform.ticket.domain;

/** A platform the product runs on, e.g. an operating system or database, and its version (P5.c). */
public record PlatformVersion(String name, String version) {
}
