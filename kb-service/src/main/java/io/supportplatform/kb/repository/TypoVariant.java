package io.supportplatform.kb.repository;

import java.io.IOException;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.Weight;

/**
 * A typo's only indexed variant in a field, weighted by its similarity to the typed word. Lucene evaluates it as
 * the one-term {@link SynonymQuery} it stands for (the variant's frequency in an article times the similarity);
 * {@link ClauseSearch} recognises it and scores it like a plain word, from kept posting lists, where a synonym group
 * goes through Lucene's generic scorer. Most typos have a single variant within reach (24 of the 26 groups the
 * judged queries' typos make at 100,000 articles).
 */
final class TypoVariant extends Query {

    private final Term term;
    private final float similarity;
    private final SynonymQuery synonym;

    /** @param similarity in (0, 1], as {@link SynonymQuery.Builder#addTerm(Term, float)} takes it */
    TypoVariant(Term term, float similarity) {
        this.term = term;
        this.similarity = similarity;
        this.synonym = new SynonymQuery.Builder(term.field()).addTerm(term, similarity).build();
    }

    Term term() {
        return term;
    }

    float similarity() {
        return similarity;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        return synonym;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return synonym.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        synonym.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return synonym.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && synonym.equals(((TypoVariant) other).synonym);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + synonym.hashCode();
    }
}
