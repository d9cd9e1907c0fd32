package io.supportplatform.kb.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.service.CandidateService;
import io.supportplatform.kb.service.CandidateService.CandidatePage;
import io.supportplatform.problem.ProblemException;

/**
 * The agents' queue of article candidates (issue 6 item 4): resolved tickets without a linked article, newest
 * first. Taking one out of the queue, as a draft or dismissed, is final; a second attempt is a conflict.
 * Staff only: candidates carry customer tickets.
 */
@Path("/api/kb/candidates")
@RolesAllowed({ "agent", "tier2", "supervisor", "admin" })
public class CandidateResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final CandidateService candidates;
    private final SecurityIdentity identity;

    public CandidateResource(CandidateService candidates, SecurityIdentity identity) {
        this.candidates = candidates;
        this.identity = identity;
    }

    @GET
    public Uni<CandidatePage> queue(@QueryParam("page") String page, @QueryParam("size") String size) {
        return candidates.pending(number("page", page, 0, 0, 10_000), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** Creates the draft article (201, Location of the article); the optional body sets language and category. */
    @POST
    @Path("/{ticketId}/draft")
    public Uni<RestResponse<ArticleView>> draft(@PathParam("ticketId") String ticketId,
            @Valid DraftFromCandidateRequest request, UriInfo uri) {
        DraftFromCandidateRequest options = request == null ? DraftFromCandidateRequest.DEFAULTS : request;
        return candidates.draft(ticketId, agent(),
                options.language() == null ? Language.EN : options.language(),
                options.category() == null ? DraftFromCandidateRequest.DEFAULT_CATEGORY : options.category())
                .map(article -> RestResponse.ResponseBuilder
                        .<ArticleView> created(URI.create(uri.getBaseUriBuilder().path("api/kb/articles")
                                .path(article.id()).build().toString()))
                        .entity(ArticleView.of(article, Audience.STAFF))
                        .header("ETag", "\"" + article.version() + "\"")
                        .build());
    }

    @POST
    @Path("/{ticketId}/dismiss")
    public Uni<RestResponse<Void>> dismiss(@PathParam("ticketId") String ticketId) {
        return candidates.dismiss(ticketId, agent()).map(ignored -> RestResponse.noContent());
    }

    private String agent() {
        return identity.getPrincipal().getName();
    }

    /** Taken as text so that a non-number is a 400 naming the parameter, not JAX-RS' 404. */
    private static int number(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "Range", "must be a number from " + min + " to " + max);
    }
}
