package io.supportplatform.kb.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.supportplatform.kb.config.SearchConfig;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.mapping.MarkdownBodies;

/**
 * The full-text index of all articles (every status and visibility; searches filter), memory-mapped and
 * derived from MongoDB: rebuilt at start, updated after every write, BM25-ranked. Every method blocks, so
 * callers run it on a worker thread, never on the event loop. Searches see a write as soon as
 * {@link #upsert} returns (near-real-time reader reopened by the {@link SearcherManager}).
 */
@Singleton
public class ArticleIndex implements AutoCloseable {

    private static final String[] FACETS = { IndexFields.CATEGORY, IndexFields.PRODUCT, IndexFields.LANGUAGE };
    private static final int SNIPPET_PASSAGES = 2;

    private final Analyzer analyzer = IndexFields.perField();
    private static final double RAM_BUFFER_MB = 32;

    private final Path directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The version each article is indexed at, so a late, older update never replaces a newer one. */
    private final Map<String, Long> indexedVersions = new ConcurrentHashMap<>();
    /** Null when answers are not kept (size 0). */
    private final SearchResultCache answers;
    /** Computed searches whose ranking left matches unscored (max-score pruning in ClauseSearch). */
    private final LongAdder prunedSearches = new LongAdder();
    /** Typo expansions found on the current index version, shared by the searches on it. */
    private volatile TypoExpansions.Found typos = new TypoExpansions.Found(-1);
    private volatile boolean ready;

    /** Without a result cache: every search is computed (tests of ranking, the uncached cost in benchmarks). */
    public ArticleIndex() {
        this(0);
    }

    @Inject
    public ArticleIndex(SearchConfig config, MeterRegistry metrics) {
        this(config.resultCacheSize());
        if (answers != null) {
            FunctionCounter.builder("kb.search.cache.requests", answers, SearchResultCache::hits)
                    .tag("result", "hit").description("searches answered from the result cache").register(metrics);
            FunctionCounter.builder("kb.search.cache.requests", answers, SearchResultCache::misses)
                    .tag("result", "miss").description("searches computed on the index").register(metrics);
            Gauge.builder("kb.search.cache.size", answers, SearchResultCache::size)
                    .description("answers kept in the result cache").register(metrics);
        }
        FunctionCounter.builder("kb.search.pruned", prunedSearches, LongAdder::sum)
                .description("computed searches that left matches unscored, as they could not make the best")
                .register(metrics);
    }

    /** @param resultCacheSize how many complete search answers are kept for the current index version; 0: none */
    public ArticleIndex(int resultCacheSize) {
        answers = resultCacheSize > 0 ? new SearchResultCache(resultCacheSize) : null;
        try {
            // Memory-mapped files in a private temporary directory: the index lives in the page cache, not on the
            // heap, so 100,000 articles fit a service with a small heap. Derived data: deleted on close.
            directory = Files.createTempDirectory("kb-index-");
            // NRT caching: the small segment each write adds stays in RAM instead of becoming files at once.
            writer = new IndexWriter(new NRTCachingDirectory(FSDirectory.open(directory), 8, 48),
                    new IndexWriterConfig(analyzer).setRAMBufferSizeMB(RAM_BUFFER_MB));
            searchers = new SearcherManager(writer, null);
            if (answers != null) {
                // Frees the answers of the old version at once; correctness comes from the version check in search.
                searchers.addListener(new ReferenceManager.RefreshListener() {
                    @Override
                    public void beforeRefresh() {
                    }

                    @Override
                    public void afterRefresh(boolean didRefresh) {
                        if (didRefresh) {
                            answers.clear();
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the whole index with these articles. Markdown rendering and analysis, the costly part, run on one
     * thread per core (IndexWriter takes documents from several threads); at most a few articles wait in memory.
     */
    public synchronized void rebuild(Iterable<Article> articles) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService indexers = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 64);
        List<Future<?>> pending = new ArrayList<>();
        try {
            writer.deleteAll();
            indexedVersions.clear();
            for (Article article : articles) {
                inFlight.acquireUninterruptibly();
                pending.add(indexers.submit(() -> {
                    try {
                        writer.addDocument(toDocument(article));
                        indexedVersions.put(article.id(), article.version());
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
                if (pending.size() >= 4096) {
                    awaitAll(pending);
                }
            }
            awaitAll(pending);
            // One segment: every term a query looks up, every scorer and every facet ordinal map exists once
            // instead of once per segment of the parallel build; later writes add small segments again.
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            indexers.shutdownNow();
        }
    }

    private static void awaitAll(List<Future<?>> pending) throws IOException {
        try {
            for (Future<?> future : pending) {
                future.get();
            }
            pending.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("an article could not be indexed", e.getCause());
        }
    }

    /** Indexes this state of the article unless a newer one is already indexed. */
    public synchronized void upsert(Article article) {
        Long indexed = indexedVersions.get(article.id());
        if (indexed != null && indexed >= article.version()) {
            return;
        }
        try {
            writer.updateDocument(new Term(IndexFields.ID, article.id()), toDocument(article));
            indexedVersions.put(article.id(), article.version());
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isReady() {
        return ready;
    }

    public int size() {
        return indexedVersions.size();
    }

    /** The kept answer to this search on the current index version, null when there is none. Never blocks. */
    public SearchResult kept(SearchQuery search) {
        return answers == null ? null : withSearcher(searcher -> answers.get(search, version(searcher)));
    }

    public SearchResult search(SearchQuery search) {
        SearchResult kept = kept(search);
        return kept != null ? kept : computed(search);
    }

    /** The search computed on the current index version (and kept for the next time), for a {@link #kept} miss. */
    public SearchResult computed(SearchQuery search) {
        return withSearcher(searcher -> {
            long version = version(searcher);
            SearchResult result = compute(search, searcher, version);
            return answers == null ? result : answers.put(search, version, result);
        });
    }

    private static long version(IndexSearcher searcher) {
        return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    }

    /** The search on the index itself, without the result cache. */
    private SearchResult compute(SearchQuery search, IndexSearcher searcher, long version) throws IOException {
        SearchQueries.Built built = SearchQueries.build(search, searcher.getIndexReader(), typosOf(version));
        if (built == null) {
            return SearchResult.empty();
        }
        // Matches found and counted on bit sets, then only the matches scored (ClauseSearch); the best few get the
        // proximity boost.
        int candidates = built.proximity() == null ? search.limit() : Math.max(search.limit(), SearchQueries.RESCORED);
        ClauseSearch.Result found = ClauseSearch.search(searcher, built.clauses(), candidates, FACETS);
        if (found.pruned()) {
            prunedSearches.increment();
        }
        TopDocs top = built.proximity() == null ? found.top()
                : QueryRescorer.rescore(searcher, found.top(), built.proximity(), 1.0, search.limit());
        return new SearchResult(found.total(), hits(searcher, built.match(), top), found.facets());
    }

    /** The typo expansions of this index version: those of an older version may name words no longer indexed. */
    private TypoExpansions.Found typosOf(long version) {
        TypoExpansions.Found found = typos;
        if (found.indexVersion() != version) {
            found = new TypoExpansions.Found(version);
            typos = found; // a search on an even newer version replaces it again; only the newest is kept
        }
        return found;
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        String[] bodies = Arrays.stream(Language.values()).map(IndexFields::body).toArray(String[]::new);
        int[] passages = new int[bodies.length];
        Arrays.fill(passages, SNIPPET_PASSAGES);
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        // Each hit's record is read (decompressed) once, here, and the highlighter gets the body from it.
        HitRecords.Shown[] shown = HitRecords.read(searcher.getIndexReader(), docs);
        Map<Integer, HitRecords.Shown> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], shown[i]);
        }
        // Escaping formatter: the body text is HTML-escaped, only our <mark> tags are markup.
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(PASSAGE_SCORES)
                // Words, not spans: a proximity boost would otherwise mark everything between two query words.
                .withWeightMatches(false)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    HitRecords.Shown hit = byDoc.get(doc);
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        // the other language's body: nothing to highlight
                        texts[f] = fields[f].equals(IndexFields.body(hit.language())) ? hit.body() : "";
                    }
                    values.add(texts);
                }
                return values;
            }

            // Match offsets from one postings enum per word for all hits instead of a new lookup per hit and word.
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return source == OffsetSource.POSTINGS && SnippetOffsets.applies(components)
                        ? new SnippetOffsets(components) : super.getOffsetStrategy(source, components);
            }
        };
        Map<String, String[]> snippets = highlighter.highlightFields(bodies, bodyWords(query, bodies), docs, passages);
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            HitRecords.Shown hit = shown[i];
            String snippet = snippets.get(IndexFields.body(hit.language()))[i];
            hits.add(new SearchHit(hit.id(), hit.title(), hit.language(), hit.category(), hit.products(),
                    top.scoreDocs[i].score, snippet == null ? "" : snippet));
        }
        return hits;
    }

    private static final PassageScorer PASSAGE_SCORES = new PassageScores();

    /**
     * The highlighter's default passage score (BM25 over the passage's matched words, times a boost towards the
     * text's start), without the term hash with its 32 KB block the default allocates for every passage it scores
     * (some 40 % of the bytes a search allocated): a passage holds a few matches, a scan finds a repeated word.
     * The words add up in the order first met, as in the default, so scores and chosen snippets stay the same.
     */
    private static final class PassageScores extends PassageScorer {

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInText = passage.getMatchTermFreqsInDoc();
            BytesRef[] words = new BytesRef[matches];
            int[] inPassage = new int[matches];
            int[] inText = new int[matches];
            int distinct = 0;
            for (int i = 0; i < matches; i++) {
                int word = 0;
                while (word < distinct && !words[word].bytesEquals(terms[i])) {
                    word++;
                }
                if (word == distinct) {
                    words[distinct] = terms[i];
                    inText[distinct++] = freqsInText[i];
                }
                inPassage[word]++;
            }
            double score = 0;
            for (int word = 0; word < distinct; word++) {
                score += tf(inPassage[word], passage.getLength()) * weight(contentLength, inText[word]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    /**
     * The body words of the query, each on its own: snippets mark the words that matched, and a plain word query
     * spares the highlighter turning the proximity and phrase clauses into span queries for every hit (the
     * costliest part of highlighting).
     */
    private static Query bodyWords(Query query, String[] bodies) {
        Set<String> fields = Set.of(bodies);
        Set<Term> terms = new LinkedHashSet<>();
        // Only the body fields' subqueries are visited: the match query's title, tags and filter words are not
        // collected just to be dropped.
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return fields.contains(field);
            }

            @Override
            public void consumeTerms(Query source, Term... found) {
                for (Term term : found) {
                    if (fields.contains(term.field())) {
                        terms.add(term);
                    }
                }
            }
        });
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        terms.forEach(t -> words.add(new TermQuery(t), Occur.SHOULD));
        return words.build();
    }

    private static Document toDocument(Article article) {
        Language language = article.language();
        Document document = new Document();
        document.add(new StringField(IndexFields.ID, article.id(), Store.NO));
        keyword(document, IndexFields.LANGUAGE, language.code());
        keyword(document, IndexFields.CATEGORY, article.content().category());
        Set<String> products = new LinkedHashSet<>();
        article.content().products().stream().map(ProductRef::name).forEach(products::add);
        products.forEach(p -> keyword(document, IndexFields.PRODUCT, p));
        article.content().platforms().forEach(p -> document.add(new StringField(IndexFields.PLATFORM, p, Store.NO)));
        if (Audience.CUSTOMER.mayRead(article)) {
            document.add(new StringField(IndexFields.CUSTOMER_READABLE, "true", Store.NO));
        }
        String words = IndexFields.words(language);
        document.add(new TextField(IndexFields.title(language), article.title(), Store.NO));
        document.add(new Field(words, article.title(), IndexFields.WORDS_TYPE));
        for (String tag : article.content().tags()) {
            document.add(new TextField(IndexFields.tags(language), tag.replace('-', ' '), Store.NO));
            document.add(new Field(words, tag.replace('-', ' '), IndexFields.WORDS_TYPE));
        }
        String body = MarkdownBodies.plainText(article.content().body());
        document.add(new Field(IndexFields.body(language), body, IndexFields.BODY_TYPE));
        document.add(new Field(words, body, IndexFields.WORDS_TYPE));
        document.add(HitRecords.field(article.id(), language, article.content().category(), products,
                article.title(), body));
        return document;
    }

    /** Filterable and counted as a facet (doc values); hits show it from the {@link HitRecords} record. */
    private static void keyword(Document document, String field, String value) {
        document.add(new StringField(field, value, Store.NO));
        document.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            writer.getDirectory().close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs the task on the current searcher, held for the task's duration. */
    <T> T withSearcher(SearcherTask<T> task) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return task.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests: the result cache, null without one. */
    SearchResultCache resultCache() {
        return answers;
    }

    /** The version this article is indexed at, 0 when it is not indexed (lets event consumers skip stale news). */
    public long indexedVersion(String id) {
        return indexedVersions.getOrDefault(id, 0L);
    }
}
