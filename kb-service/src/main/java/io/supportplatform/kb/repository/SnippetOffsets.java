package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's match offsets from the postings, as its own postings strategy reads them (the query's words in
 * their order, each word that occurs in the article as one enum of its offsets), but with one terms lookup and one
 * postings enum per word and segment for all hits of a search, advanced from hit to hit: the highlighter visits
 * the hits in doc id order. Its own strategy looks every word up in the terms dictionary again and opens a new
 * postings enum for every hit. Only for plain word queries (no phrases, no wildcards), which is what snippets
 * highlight.
 */
final class SnippetOffsets extends FieldOffsetStrategy {

    private LeafReader leaf;
    private int lastDoc = -1;
    /** Per query word, null when the segment lacks it. */
    private PostingsEnum[] postings;

    SnippetOffsets(UHComponents components) {
        super(components);
    }

    /** Whether these components are plain words this strategy reads exactly as the postings strategy would. */
    static boolean applies(UHComponents components) {
        return !components.getPhraseHelper().hasPositionSensitivity() && components.getAutomata().length == 0
                && !components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
    }

    @Override
    public OffsetSource getOffsetSource() {
        return OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
        if (reader != leaf || doc <= lastDoc) {
            open(reader);
        }
        lastDoc = doc;
        BytesRef[] terms = components.getTerms();
        List<OffsetsEnum> found = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            PostingsEnum word = postings[i];
            if (word == null) {
                continue;
            }
            int at = word.docID();
            if (at < doc) {
                at = word.advance(doc);
            }
            if (at == doc) {
                found.add(new OffsetsEnum.OfPostings(terms[i], word));
            }
        }
        return switch (found.size()) {
            case 0 -> OffsetsEnum.EMPTY;
            case 1 -> found.get(0);
            default -> new OffsetsEnum.MultiOffsetsEnum(found);
        };
    }

    private void open(LeafReader reader) throws IOException {
        leaf = reader;
        BytesRef[] terms = components.getTerms();
        postings = new PostingsEnum[terms.length];
        Terms index = reader.terms(getField());
        if (index == null) {
            return;
        }
        TermsEnum words = index.iterator();
        for (int i = 0; i < terms.length; i++) {
            if (words.seekExact(terms[i])) {
                postings[i] = words.postings(null, PostingsEnum.OFFSETS);
                if (postings[i] == null) {
                    throw new IllegalArgumentException("field '" + getField() + "' was indexed without offsets");
                }
            }
        }
    }
}
