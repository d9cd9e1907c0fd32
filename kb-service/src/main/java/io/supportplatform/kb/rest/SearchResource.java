package io.supportplatform.kb.rest;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.config.SearchConfig;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.service.ArticleService;
import io.supportplatform.problem.ProblemException;

/**
 * Ranked full-text search (P1.2, P14.b: customers search before they file). {@code q} is plain text:
 * "quoted parts" must match as phrases, everything else is words; no query syntax is interpreted. Customers
 * only ever get published public articles, in hits and in facet counts.
 */
@Path("/api/kb/search")
@Authenticated
public class SearchResource {

    private final ArticleService articles;
    private final SearchConfig config;
    private final SecurityIdentity identity;

    public SearchResource(ArticleService articles, SearchConfig config, SecurityIdentity identity) {
        this.articles = articles;
        this.config = config;
        this.identity = identity;
    }

    @GET
    public Uni<SearchResult> search(@QueryParam("q") String q, @QueryParam("language") String language,
            @QueryParam("product") String product, @QueryParam("platform") String platform,
            @QueryParam("category") String category, @QueryParam("limit") String limit) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q", "NotBlank", "must not be blank");
        }
        if (q.length() > config.maxQueryLength()) {
            throw ProblemException.badRequest("q", "Size", "must be at most " + config.maxQueryLength() + " characters");
        }
        SearchQuery query = new SearchQuery(q, language(language), given(product), given(platform), given(category),
                limit(limit), Audiences.of(identity));
        return articles.search(query);
    }

    private static Optional<Language> language(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Language.ofCode(code.strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("language", "Pattern", "must be de or en");
        }
    }

    /** Taken as text so that a non-number is a 400 naming the field, not JAX-RS' 404. */
    private int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= config.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "Range", "must be a number from 1 to " + config.maxLimit());
    }

    private static Optional<String> given(String filter) {
        return filter == null || filter.isBlank() ? Optional.empty() : Optional.of(filter.strip());
    }
}
