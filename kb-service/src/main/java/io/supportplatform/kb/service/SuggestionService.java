package io.supportplatform.kb.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.DraftRequest;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.repository.ArticleIndex;

/**
 * Suggests articles for a request being written (P14.b, P1.2), on top of the index's search. Several searches
 * look at the draft from different sides and their rankings are fused (reciprocal rank fusion), so an article
 * that several of them rank high comes first:
 * <ul>
 * <li>each error message as an exact phrase: the strongest signal, an article quoting the very message the
 * customer sees is almost always about their problem; and as loose words, for a partial quote;</li>
 * <li>the subject, and the subject with the start of the description;</li>
 * <li>the same text restricted to the customer's platform or language, which lifts articles that fit both.</li>
 * </ul>
 * The product, when named, filters every search, as it does in search. Suggestions are always what a
 * customer may be shown, whoever asks (an agent filing on a customer's behalf reads them to the customer):
 * published public articles only, never internal ones, never drafts.
 */
@ApplicationScoped
public class SuggestionService {

    /** Rank fusion damping: small, so the top ranks of each search weigh clearly more than the tail. */
    private static final double K = 10;
    private static final double ERROR_PHRASE_WEIGHT = 3;
    private static final double ERROR_WORDS_WEIGHT = 1;
    private static final double TEXT_WEIGHT = 1;
    private static final double PREFERENCE_WEIGHT = 0.5;
    /** Each search looks this deep, enough for fusion to find articles that several rank moderately. */
    private static final int DEPTH = 20;
    /** The start of a long description says what it is about; the rest would only dilute the query. */
    private static final int DESCRIPTION_WORDS = 40;
    private static final int MAX_PHRASE_LENGTH = 300;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ArticleIndex index;
    private final SearchWorkers searchWorkers;

    public SuggestionService(ArticleIndex index, SearchWorkers searchWorkers) {
        this.index = index;
        this.searchWorkers = searchWorkers;
    }

    /** Its searches run on a search thread, in turn with the others (see {@link SearchWorkers}). */
    public Uni<List<SearchHit>> suggest(DraftRequest draft, int limit) {
        return searchWorkers.run(() -> rank(draft, limit));
    }

    private List<SearchHit> rank(DraftRequest draft, int limit) {
        Map<String, Fused> fused = new LinkedHashMap<>();
        for (String message : draft.errorMessages()) {
            String phrase = WHITESPACE.matcher(message.replace('"', ' ')).replaceAll(" ").strip();
            if (phrase.length() > MAX_PHRASE_LENGTH) {
                phrase = phrase.substring(0, MAX_PHRASE_LENGTH);
            }
            if (!phrase.isEmpty()) {
                fuse(fused, search(draft, "\"" + phrase + "\"", Optional.empty(), Optional.empty()), ERROR_PHRASE_WEIGHT);
                fuse(fused, search(draft, phrase, Optional.empty(), Optional.empty()), ERROR_WORDS_WEIGHT);
            }
        }
        String text = draft.subject() + " " + firstWords(draft.description());
        fuse(fused, search(draft, draft.subject(), Optional.empty(), Optional.empty()), TEXT_WEIGHT);
        fuse(fused, search(draft, text, Optional.empty(), Optional.empty()), TEXT_WEIGHT);
        if (draft.platform().isPresent()) {
            fuse(fused, search(draft, text, draft.platform(), Optional.empty()), PREFERENCE_WEIGHT);
        }
        if (draft.language().isPresent()) {
            fuse(fused, search(draft, text, Optional.empty(), draft.language()), PREFERENCE_WEIGHT);
        }
        return fused.values().stream()
                .sorted(Comparator.comparingDouble(Fused::score).reversed())
                .limit(limit)
                .map(Fused::hit)
                .toList();
    }

    private List<SearchHit> search(DraftRequest draft, String text, Optional<String> platform,
            Optional<Language> language) {
        return index.search(new SearchQuery(text, language, draft.product(), platform, Optional.empty(), DEPTH,
                Audience.CUSTOMER)).hits();
    }

    private static void fuse(Map<String, Fused> fused, List<SearchHit> ranking, double weight) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            SearchHit hit = ranking.get(rank);
            double score = weight / (K + rank + 1);
            // The first search to find an article (error messages go first) gives its snippet.
            fused.merge(hit.id(), new Fused(hit, score), (a, b) -> new Fused(a.hit(), a.score() + b.score()));
        }
    }

    private static String firstWords(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String[] words = WHITESPACE.split(description.strip());
        List<String> first = new ArrayList<>(List.of(words).subList(0, Math.min(words.length, DESCRIPTION_WORDS)));
        return String.join(" ", first);
    }

    private record Fused(SearchHit hit, double score) {
    }
}
