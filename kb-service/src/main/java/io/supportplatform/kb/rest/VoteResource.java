package io.supportplatform.kb.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.ArticleFeedback;
import io.supportplatform.kb.service.FeedbackService;

/**
 * Votes on whether an article solved the reader's problem (P14.b). Anyone who may read a published article
 * votes once; voting again changes the vote. Answers the article's counts after the vote.
 */
@Path("/api/kb/articles/{id}/votes")
@Authenticated
public class VoteResource {

    private final FeedbackService feedback;
    private final SecurityIdentity identity;

    public VoteResource(FeedbackService feedback, SecurityIdentity identity) {
        this.feedback = feedback;
        this.identity = identity;
    }

    @POST
    public Uni<ArticleFeedback> vote(@PathParam("id") String id, @Valid @NotNull VoteRequest vote) {
        return feedback.vote(id, Audiences.of(identity), identity.getPrincipal().getName(), vote.helpful());
    }
}
