package io.supportplatform.kb.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.service.SuggestionService;

/**
 * Deflection (P14.b, P1.2): while a customer writes a request, the articles most likely to solve it. Only
 * published public articles are ever suggested. The portal sends the ids it showed to ticket-service
 * ({@code suggestedArticleIds} of ticket-created), which is how "filed anyway" is counted per article.
 */
@Path("/api/kb/suggestions")
@Authenticated
public class SuggestionResource {

    private final SuggestionService suggestions;

    public SuggestionResource(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @POST
    public Uni<Suggestions> suggest(@Valid @NotNull SuggestionRequest request) {
        return suggestions.suggest(request.toDraft(), request.limitOrDefault()).map(Suggestions::new);
    }

    public record Suggestions(List<SearchHit> suggestions) {
    }
}
