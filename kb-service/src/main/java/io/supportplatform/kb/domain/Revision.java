package io.supportplatform.kb.domain;

import java.time.Instant;

/** A published state of an article, kept for good: what customers could read from {@code publishedAt}. */
public record Revision(int number, String title, String body, String publishedBy, Instant publishedAt) {
}
