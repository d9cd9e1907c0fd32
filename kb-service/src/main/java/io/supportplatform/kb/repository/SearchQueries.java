package io.supportplatform.kb.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.SearchQuery;

/**
 * Turns what a user typed into a Lucene query. The text never goes through a query parser: it is split into
 * quoted phrases and loose words, run through each language's analyzer, and the query is built from the
 * resulting terms, so Lucene syntax in the input ({@code title:x AND (}) is just more words.
 */
final class SearchQueries {

    static final float TITLE_BOOST = 2.5f;
    static final float TAGS_BOOST = 1.5f;
    private static final float PROXIMITY_BOOST = 1.0f;
    private static final int PROXIMITY_SLOP = 3;
    private static final float FUZZY_WEIGHT = 0.4f;
    /** Keeps the expanded query far below Lucene's clause limit whatever the input (at most 500 chars). */
    static final int MAX_TERMS = 24;
    private static final int MAX_FUZZY_TERMS = 8;

    private SearchQueries() {
    }

    /**
     * A search as {@code match}, the query that selects, filters and ranks the articles (BM25 per word), and
     * {@code clauses}, the same query as its parts, which {@link ClauseSearch} evaluates (same matches and scores,
     * less work); the optional {@code proximity} boost (typed words standing close together) is only added to the
     * scores of the best {@link #RESCORED} of them: phrase scoring over every article that matches a common word was
     * the costliest part of ranking. {@code match} itself serves the highlighter's words and tests.
     */
    record Built(Query match, Clauses clauses, Query proximity) {
    }

    /**
     * The match query's structure, for {@link ClauseSearch}: per language the quoted phrases (all required), the
     * typed words (at least {@code minimum} of them; required only without phrases, else they only add to the
     * score), and the filters every match must pass.
     */
    record Clauses(List<LanguageClauses> languages, List<Query> filters) {
    }

    record LanguageClauses(List<Query> phrases, List<Word> words, int minimum) {
    }

    /** One typed word: its forms (a compound's parts are forms of the same word). */
    record Word(List<Form> forms) {
    }

    /**
     * One analysed form of a word: {@code scored}, the boosted clauses it is ranked by (title, tags, body, typo
     * variants); {@code matching}, the same matches from fewer posting lists (the language's words field instead of
     * title, tags and body), to find and count articles.
     */
    record Form(List<Query> scored, List<Query> matching) {
    }

    /** How many of the best articles by word scores the proximity boost may reorder. */
    static final int RESCORED = 20;

    /**
     * @param reader the index searched, consulted for which words it knows (typo tolerance is only for the others)
     * @param found the typo expansions already found on this reader's index version
     * @return the queries, or null when the text has no searchable word (e.g. only stop words or punctuation)
     */
    static Built build(SearchQuery search, IndexReader reader, TypoExpansions.Found found) throws IOException {
        Text text = Text.split(search.text());
        TypoExpansions typos = new TypoExpansions(reader, found);
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        List<LanguageClauses> languages = new ArrayList<>();
        BooleanQuery.Builder proximity = new BooleanQuery.Builder();
        TermLookup lookup = TermLookup.onThread(reader);
        Set<String> realWords = realWords(text.words(), lookup);
        boolean matchable = false;
        for (Language language : search.language().map(List::of).orElse(List.of(Language.values()))) {
            LanguageClauses inLanguage = forLanguage(text, language, lookup, typos, realWords, proximity);
            if (inLanguage != null) {
                anyLanguage.add(query(inLanguage), Occur.SHOULD);
                languages.add(inLanguage);
                matchable = true;
            }
        }
        if (!matchable) {
            return null;
        }
        BooleanQuery proximityQuery = proximity.build();
        List<Query> filters = filters(search);
        BooleanQuery.Builder match = new BooleanQuery.Builder().add(anyLanguage.build(), Occur.MUST);
        filters.forEach(f -> match.add(f, Occur.FILTER));
        return new Built(match.build(), new Clauses(languages, filters),
                proximityQuery.clauses().isEmpty() ? null : proximityQuery);
    }

    private static List<Query> filters(SearchQuery search) {
        List<Query> filters = new ArrayList<>();
        search.language().ifPresent(l -> filters.add(keyword(IndexFields.LANGUAGE, l.code())));
        search.product().ifPresent(p -> filters.add(keyword(IndexFields.PRODUCT, p)));
        search.platform().ifPresent(p -> filters.add(keyword(IndexFields.PLATFORM, p)));
        search.category().ifPresent(c -> filters.add(keyword(IndexFields.CATEGORY, c)));
        if (search.audience() == Audience.CUSTOMER) {
            // Part of every match, so no hit, count or facet ever reflects an article a customer may not read.
            filters.add(keyword(IndexFields.CUSTOMER_READABLE, "true"));
        }
        return filters;
    }

    /** One language's clauses as a Lucene query (the reference semantics {@link ClauseSearch} evaluates). */
    private static Query query(LanguageClauses clauses) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        clauses.phrases().forEach(p -> query.add(p, Occur.MUST));
        if (!clauses.words().isEmpty()) {
            BooleanQuery.Builder words = new BooleanQuery.Builder().setMinimumNumberShouldMatch(clauses.minimum());
            for (Word word : clauses.words()) {
                BooleanQuery.Builder forms = new BooleanQuery.Builder();
                for (Form form : word.forms()) {
                    BooleanQuery.Builder scored = new BooleanQuery.Builder();
                    form.scored().forEach(q -> scored.add(q, Occur.SHOULD));
                    forms.add(scored.build(), Occur.SHOULD);
                }
                words.add(forms.build(), Occur.SHOULD);
            }
            query.add(words.build(), clauses.phrases().isEmpty() ? Occur.MUST : Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * The typed words (as spans of {@code words}) that some language's analysis turns into a word its articles
     * contain. Such a word is no typo, but in the other language's fields a near spelling can still be the same
     * word ("faktor" finds "factor"), so it is expanded there by 1 edit only: the 2-edit automaton, built for every
     * long German word in the English fields and vice versa, was most of the typo work for such words.
     */
    private static Set<String> realWords(String words, TermLookup lookup) throws IOException {
        Set<String> real = new HashSet<>();
        for (Language language : Language.values()) {
            String body = IndexFields.body(language);
            String known = IndexFields.words(language);
            for (Positioned token : analyze(IndexFields.analyzer(language), body, words)) {
                if (token.typed() && !real.contains(token.span()) && !unknown(lookup, known, token.term())) {
                    real.add(token.span());
                }
            }
        }
        return real;
    }

    /**
     * @param realWords spans of typed words some language knows, expanded by 1 edit only
     * @param proximity receives this language's proximity boost clauses, if any
     * @return null when nothing can match in this language, else its phrases and words
     */
    private static LanguageClauses forLanguage(Text text, Language language, TermLookup lookup,
            TypoExpansions typos, Set<String> realWords, BooleanQuery.Builder proximity) throws IOException {
        Analyzer analyzer = IndexFields.analyzer(language);
        String title = IndexFields.title(language);
        String tags = IndexFields.tags(language);
        String body = IndexFields.body(language);
        String words = IndexFields.words(language);
        List<Query> phrases = new ArrayList<>();
        int terms = 0;
        for (String phrase : text.phrases()) {
            List<Positioned> tokens = analyze(analyzer, body, phrase);
            if (tokens.isEmpty() || terms + tokens.size() > MAX_TERMS) {
                continue;
            }
            terms += tokens.size();
            // A quoted phrase must occur as written (after analysis), in the title or the body.
            phrases.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(phrase(title, tokens, 0), TITLE_BOOST), Occur.SHOULD)
                    .add(phrase(body, tokens, 0), Occur.SHOULD)
                    .build());
        }
        List<Positioned> tokens = analyze(analyzer, body, text.words());
        // One clause per typed word; the parts the German analysis split off a compound sit at the word's
        // position and belong to its clause, so "Sicherungsfehler" counts as one word, not three.
        Map<Integer, Set<String>> byPosition = new LinkedHashMap<>();
        Map<Integer, String> spans = new HashMap<>();
        tokens.forEach(t -> {
            byPosition.computeIfAbsent(t.position(), p -> new LinkedHashSet<>()).add(t.term());
            spans.putIfAbsent(t.position(), t.span());
        });
        Set<String> seen = new HashSet<>();
        List<Word> wordClauses = new ArrayList<>();
        int fuzzy = 0;
        for (Map.Entry<Integer, Set<String>> atPosition : byPosition.entrySet()) {
            Set<String> variants = atPosition.getValue();
            boolean real = realWords.contains(spans.get(atPosition.getKey()));
            if (!seen.add(String.join(" ", variants))) {
                continue; // the same word typed twice
            }
            List<Form> forms = new ArrayList<>();
            boolean known = false;
            for (String word : variants) {
                if (terms++ >= MAX_TERMS) {
                    break;
                }
                // Fuzzy matching only as a fallback for words the index does not know: a known word is most
                // likely spelt as meant, and expanding it would rank near-namesakes and cost time.
                boolean unknown = unknown(lookup, words, word);
                BooleanQuery.Builder typoForms = new BooleanQuery.Builder();
                if (unknown && word.length() >= 5 && fuzzy < MAX_FUZZY_TERMS) {
                    fuzzy++;
                    // Near misses (1 edit, 2 for long words) count less; a word with none cannot match at all.
                    int edits = real ? 1 : 2;
                    unknown = !typos.add(typoForms, word, title, TITLE_BOOST * FUZZY_WEIGHT, edits)
                            & !typos.add(typoForms, word, body, FUZZY_WEIGHT, edits);
                }
                known |= !unknown;
                List<Query> scored = new ArrayList<>(exact(title, tags, body, word));
                List<Query> matching = new ArrayList<>();
                matching.add(new TermQuery(new Term(words, word)));
                for (BooleanClause typo : typoForms.build().clauses()) {
                    scored.add(typo.getQuery());
                    matching.add(typo.getQuery());
                }
                forms.add(new Form(scored, matching));
            }
            if (known) {
                wordClauses.add(new Word(forms));
            }
        }
        // Most of what was typed must match: with three or more words at least half of them, so an article
        // sharing one common word ("nicht", "error") is no hit. Words the index cannot match don't count.
        int matchable = wordClauses.size();
        int minimum = matchable >= 3 ? (matchable + 1) / 2 : 1;
        // Words typed next to each other that stand close together in the text rank higher than the same words
        // scattered over the article ("backup failed" vs. "failed ... backup"). Applied to the best few only.
        List<Positioned> typed = tokens.stream().filter(Positioned::typed).limit(MAX_TERMS).toList();
        // A phrase with a word its field lacks (a typo, a word found only in bodies) matches no article: left out, it
        // scores no article differently and spares the rescoring its weight (every word's statistics looked up).
        if (matchable > 0 && typed.size() >= 2) {
            if (allIn(lookup, title, typed)) {
                proximity.add(new BoostQuery(phrase(title, typed, PROXIMITY_SLOP), TITLE_BOOST * PROXIMITY_BOOST),
                        Occur.SHOULD);
            }
            if (allIn(lookup, body, typed)) {
                proximity.add(new BoostQuery(phrase(body, typed, PROXIMITY_SLOP), PROXIMITY_BOOST), Occur.SHOULD);
            }
        }
        return phrases.isEmpty() && wordClauses.isEmpty() ? null : new LanguageClauses(phrases, wordClauses, minimum);
    }

    /**
     * Whether no article of the language has the word in its title, tags or body: the words field holds exactly
     * those three texts under the same analysis, so one term lookup answers for all three fields.
     */
    private static boolean unknown(TermLookup lookup, String words, String word) throws IOException {
        return !lookup.has(new Term(words, word));
    }

    /** Whether each of the words occurs in the field in some article. */
    private static boolean allIn(TermLookup lookup, String field, List<Positioned> tokens) throws IOException {
        for (Positioned token : tokens) {
            if (!lookup.has(new Term(field, token.term()))) {
                return false;
            }
        }
        return true;
    }

    /** Exact matches score fully: title over tags over body. */
    private static List<Query> exact(String title, String tags, String body, String word) {
        return List.of(new BoostQuery(new TermQuery(new Term(title, word)), TITLE_BOOST),
                new BoostQuery(new TermQuery(new Term(tags, word)), TAGS_BOOST),
                new TermQuery(new Term(body, word)));
    }

    private static Query phrase(String field, List<Positioned> tokens, int slop) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
        tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
        return phrase.build();
    }

    private static Query keyword(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static List<Positioned> analyze(Analyzer analyzer, String field, String text) {
        List<Positioned> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Positioned(term.toString(), position, increment.getPositionIncrement() > 0,
                        offsets.startOffset() + ":" + offsets.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysis of an in-memory string does not do I/O
        }
        return tokens;
    }

    /**
     * {@code typed}: a word as typed, not a part the German analysis split off a compound (same position);
     * {@code span}: where it stands in the analysed text, the same in every language's analysis.
     */
    private record Positioned(String term, int position, boolean typed, String span) {
    }

    /** The input split at double quotes: text between a pair is a phrase; an unpaired quote is ignored. */
    record Text(List<String> phrases, String words) {

        static Text split(String input) {
            List<Integer> quotes = new ArrayList<>();
            for (int i = 0; i < input.length(); i++) {
                if (input.charAt(i) == '"') {
                    quotes.add(i);
                }
            }
            List<String> phrases = new ArrayList<>();
            StringBuilder words = new StringBuilder();
            int from = 0;
            for (int k = 0; k + 1 < quotes.size(); k += 2) {
                int open = quotes.get(k);
                int close = quotes.get(k + 1);
                words.append(input, from, open).append(' ');
                phrases.add(input.substring(open + 1, close));
                from = close + 1;
            }
            words.append(input.substring(from).replace('"', ' '));
            return new Text(phrases, words.toString());
        }
    }
}
