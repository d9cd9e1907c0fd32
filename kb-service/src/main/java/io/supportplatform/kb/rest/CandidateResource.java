package io.supportplatform.kb.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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
    static final String DEFAULT_CATEGORY = "troubleshooting";

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

    /**
     * Creates the draft article (201, Location of the article). The ticket does not say which language or
     * category suits it: {@code language} (de, en; default en) and {@code category} (default troubleshooting).
     */
    @POST
    @Path("/{ticketId}/draft")
    public Uni<RestResponse<ArticleView>> draft(@PathParam("ticketId") String ticketId,
            @QueryParam("language") String language, @QueryParam("category") String category, UriInfo uri) {
        return candidates.draft(ticketId, agent(), language(language), category(category))
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

    private static Language language(String code) {
        if (code == null || code.isBlank()) {
            return Language.EN;
        }
        try {
            return Language.ofCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("language", "Pattern", "must be de or en");
        }
    }

    private static String category(String category) {
        if (category == null || category.isBlank()) {
            return DEFAULT_CATEGORY;
        }
        if (category.strip().length() > 80) {
            throw ProblemException.badRequest("category", "Size", "must be at most 80 characters");
        }
        return category.strip();
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
