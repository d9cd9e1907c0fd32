package io.supportplatform.kb.rest;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.service.ArticleService;
import io.supportplatform.kb.service.FeedbackService;
import io.supportplatform.problem.ProblemException;

/**
 * Articles. Staff (agent, tier2, supervisor, admin) write and read everything; anyone else signed in reads
 * published public articles only, and gets 404 for the rest (P1.1). Responses carry the version as
 * {@code ETag}; edits must name the version they start from ({@code If-Match} or {@code version}), and a
 * stale one gets 409.
 */
@Path("/api/kb/articles")
@Authenticated
public class ArticleResource {

    private final ArticleService articles;
    private final FeedbackService feedback;
    private final SecurityIdentity identity;

    public ArticleResource(ArticleService articles, FeedbackService feedback, SecurityIdentity identity) {
        this.articles = articles;
        this.feedback = feedback;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ "agent", "tier2", "supervisor", "admin" })
    public Uni<RestResponse<ArticleView>> create(@Valid @NotNull ArticleRequest request, UriInfo uri) {
        return articles.create(request.toContent(), author())
                .map(article -> withVersion(RestResponse.ResponseBuilder
                        .created(uri.getAbsolutePathBuilder().path(article.id()).build()), article));
    }

    /** Counts a view (P14.b) and shows the article's views and votes. */
    @GET
    @Path("/{id}")
    public Uni<RestResponse<ArticleView>> read(@PathParam("id") String id) {
        Audience audience = Audiences.of(identity);
        return feedback.read(id, audience)
                .map(read -> RestResponse.ResponseBuilder
                        .ok(ArticleView.of(read.article(), audience).withFeedback(read.feedback()))
                        .header(HttpHeaders.ETAG, "\"" + read.article().version() + "\"")
                        .build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ "agent", "tier2", "supervisor", "admin" })
    public Uni<RestResponse<ArticleView>> revise(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ArticleRequest request) {
        long expected = expectedVersion(ifMatch).or(() -> Optional.ofNullable(request.version()))
                .orElseThrow(() -> ProblemException.badRequest("version", "NotNull",
                        "must be given (or If-Match): the version your edit starts from"));
        return articles.revise(id, expected, request.toContent(), author())
                .map(article -> withVersion(RestResponse.ResponseBuilder.ok(), article));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ "agent", "tier2", "supervisor", "admin" })
    public Uni<RestResponse<ArticleView>> publish(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return articles.publish(id, expectedVersion(ifMatch), author())
                .map(article -> withVersion(RestResponse.ResponseBuilder.ok(), article));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ "agent", "tier2", "supervisor", "admin" })
    public Uni<RestResponse<ArticleView>> retire(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return articles.retire(id, expectedVersion(ifMatch), author())
                .map(article -> withVersion(RestResponse.ResponseBuilder.ok(), article));
    }

    private String author() {
        return identity.getPrincipal().getName();
    }

    private static RestResponse<ArticleView> withVersion(RestResponse.ResponseBuilder<ArticleView> response,
            Article article) {
        return response.entity(ArticleView.of(article, Audience.STAFF))
                .header(HttpHeaders.ETAG, "\"" + article.version() + "\"")
                .build();
    }

    /** {@code If-Match: "3"} (or W/"3", or 3) names version 3. */
    private static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "Pattern", "must be an article version such as \"3\"");
        }
    }
}
