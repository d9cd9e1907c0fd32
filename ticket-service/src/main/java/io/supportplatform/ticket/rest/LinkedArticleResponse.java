package io.supportplatform.ticket.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkedArticle", description = "A knowledge-base article (kb-service id) linked to a ticket")
public record LinkedArticleResponse(String articleId, String linkedBy, Instant linkedAt) {
}
