package io.supportplatform.kb.repository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;

/**
 * Field names of the search index and their analysis. Title and body are indexed per language, so each text
 * gets its own language's chain: German (lower case, stop words, umlaut/ß normalization so "prüfung" and
 * "pruefung" meet, compound splitting by a dictionary of word parts, light stemming) or English
 * (possessives, stop words, Porter stemming). Tags are indexed with the article's language chain as well.
 */
final class IndexFields {

    static final String ID = "id";
    static final String LANGUAGE = "language";
    /**
     * "true" on the articles a customer may read (published and public, {@link Audience#mayRead}): one filter
     * term instead of a status and a visibility term, one posting list less to intersect with every match.
     */
    static final String CUSTOMER_READABLE = "customer_readable";
    static final String CATEGORY = "category";
    static final String PRODUCT = "product";
    static final String PLATFORM = "platform";
    /** Binary doc value: what a hit shows of the article ({@link HitRecords}). */
    static final String HIT = "hit";

    private static final Map<Language, Analyzer> ANALYZERS = Map.of(
            Language.DE, german(),
            Language.EN, new EnglishAnalyzer());

    private IndexFields() {
    }

    static String title(Language language) {
        return "title_" + language.code();
    }

    static String body(Language language) {
        return "body_" + language.code();
    }

    static String tags(Language language) {
        return "tags_" + language.code();
    }

    /**
     * Title, tags and body in one field, only to find and count matches (no scores, no positions): one posting
     * list per word instead of three makes the counting pass over every match cheaper. Same analysis as the three,
     * so a word is in it exactly when it is in one of them.
     */
    static String words(Language language) {
        return "words_" + language.code();
    }

    static final FieldType WORDS_TYPE = wordsType();

    private static FieldType wordsType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    /**
     * Body text: with offsets in the postings so the highlighter reads match positions from the index instead of
     * analysing every returned body again; the text itself is kept in the hit record ({@link HitRecords}).
     */
    static final FieldType BODY_TYPE = bodyType();

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Analyzer analyzer(Language language) {
        return ANALYZERS.get(language);
    }

    /** Lucene's GermanAnalyzer chain plus compound splitting (after normalization, so parts match folded). */
    private static Analyzer german() {
        CharArraySet parts = compoundParts();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new StopFilter(result, GermanAnalyzer.getDefaultStopSet());
                result = new GermanNormalizationFilter(result);
                result = new DictionaryCompoundWordTokenFilter(result, parts, 6, 4, 15, false);
                result = new GermanLightStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new GermanNormalizationFilter(new LowerCaseFilter(in));
            }
        };
    }

    private static CharArraySet compoundParts() {
        CharArraySet parts = new CharArraySet(64, true);
        try (var in = IndexFields.class.getResourceAsStream("/analysis/de-compound-parts.txt");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(parts::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** For the writer and the highlighter: language fields get their analyzer, keyword fields are not analyzed. */
    static Analyzer perField() {
        Map<String, Analyzer> byField = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            byField.put(title(language), analyzer(language));
            byField.put(body(language), analyzer(language));
            byField.put(tags(language), analyzer(language));
            byField.put(words(language), analyzer(language));
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    }
}
