package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

import io.supportplatform.kb.domain.Language;

/**
 * What a search hit shows of an article (id, language, category, products, title and the body its snippet is cut
 * from), kept per article as one LZ4-compressed doc value instead of stored fields: reading a hit decompresses
 * only that article's own bytes, where stored fields decompress a shared block of many articles (plus its
 * dictionary) for every hit.
 */
final class HitRecords {

    /** One article's shown fields, as indexed. */
    record Shown(String id, Language language, String category, List<String> products, String title, String body) {
    }

    private HitRecords() {
    }

    static BinaryDocValuesField field(String id, Language language, String category, Collection<String> products,
            String title, String body) {
        try {
            ByteBuffersDataOutput plain = ByteBuffersDataOutput.newResettableInstance();
            plain.writeString(id);
            plain.writeString(language.code());
            plain.writeString(category);
            plain.writeVInt(products.size());
            for (String product : products) {
                plain.writeString(product);
            }
            plain.writeString(title);
            plain.writeString(body);
            byte[] bytes = plain.toArrayCopy();
            ByteBuffersDataOutput compressed = ByteBuffersDataOutput.newResettableInstance();
            compressed.writeVInt(bytes.length);
            LZ4.compress(bytes, 0, bytes.length, compressed, new LZ4.FastCompressionHashTable());
            return new BinaryDocValuesField(IndexFields.HIT, new BytesRef(compressed.toArrayCopy()));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory output cannot fail", e);
        }
    }

    /** The shown fields of these top-level doc ids, in the same order. */
    static Shown[] read(IndexReader reader, int[] docs) throws IOException {
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        // Doc values are read forwards: visit the hits in doc id order.
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = reader.leaves();
        Shown[] shown = new Shown[docs.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        byte[] plain = new byte[0];
        for (int i : byDoc) {
            int doc = docs[i];
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getBinary(leaf.reader(), IndexFields.HIT);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("indexed article without its hit record: doc " + doc);
            }
            BytesRef compressed = values.binaryValue();
            ByteArrayDataInput in = new ByteArrayDataInput(compressed.bytes, compressed.offset, compressed.length);
            int length = in.readVInt();
            if (plain.length < length) {
                plain = new byte[length];
            }
            LZ4.decompress(in, length, plain, 0);
            ByteArrayDataInput fields = new ByteArrayDataInput(plain, 0, length);
            String id = fields.readString();
            Language language = Language.ofCode(fields.readString());
            String category = fields.readString();
            int productCount = fields.readVInt();
            List<String> products = new ArrayList<>(productCount);
            for (int p = 0; p < productCount; p++) {
                products.add(fields.readString());
            }
            shown[i] = new Shown(id, language, category, List.copyOf(products), fields.readString(),
                    fields.readString());
        }
        return shown;
    }
}
