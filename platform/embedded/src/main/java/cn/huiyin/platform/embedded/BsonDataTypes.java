package cn.huiyin.platform.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded MongoDB server stores documents and index keys in H2's MVStore. Upstream leaves both to H2's
 * generic object type, which writes them with Java serialization and even serializes two index keys to compare them;
 * profiling the embedded stack under load showed that to be most of the database's CPU. Here documents are stored as
 * BSON (mongo-java-server's own wire codec) and index keys are compared by MongoDB's value order.
 */
final class BsonDataTypes {

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private BsonDataTypes() {
    }

    /** A document as length-prefixed BSON. */
    static final class DocumentType extends BasicDataType<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        @Override
        public int getMemory(Document document) {
            // An estimate only: H2 uses it to size its cache, encoding here would cost what we are saving.
            return 64 + 48 * document.size();
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            byte[] bytes = encode(document);
            buffer.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /** An index key as stored: its values as a BSON array; subclasses decide the order. */
    abstract static class StoredKeyType extends BasicDataType<KeyValue> {

        @Override
        public int getMemory(KeyValue key) {
            return 32 + 32 * key.size();
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            writeKey(buffer, key);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return readKey(buffer);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /** A unique index's key: its values as a BSON array, ordered as MongoDB orders values. */
    static final class KeyValueType extends StoredKeyType {

        static final KeyValueType INSTANCE = new KeyValueType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int c = ORDER.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

    }

    /**
     * A secondary index's key: the indexed values in the index's directions, then the document's position (its
     * {@code _id}, ascending), which makes the entries of equal values distinct. Stored as {@link KeyValueType}
     * stores keys. A lookup key may hold a {@link Bound} in place of a value, to start or stop a range scan.
     */
    static final class IndexKeyType extends StoredKeyType {

        private final boolean[] descending;

        IndexKeyType(boolean[] descending) {
            this.descending = descending.clone();
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return i < descending.length && descending[i] ? -c : c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        private static int compareValues(Object a, Object b) {
            if (a instanceof Bound bound) {
                return b instanceof Bound ? 0 : bound.compareTo(b);
            }
            if (b instanceof Bound bound) {
                return -bound.compareTo(a);
            }
            return ORDER.compare(a, b);
        }

    }

    /**
     * A place between stored values, in MongoDB's value order: never equal to a value, so a scan starting or
     * stopping at it needs no further checks. Only in lookup keys, never stored.
     */
    record Bound(Kind kind, Object value, int typeRank) {

        enum Kind { LOWEST, HIGHEST, BEFORE, AFTER, BEFORE_TYPE, AFTER_TYPE, AFTER_PREFIX }

        static final Bound LOWEST = new Bound(Kind.LOWEST, null, 0);
        static final Bound HIGHEST = new Bound(Kind.HIGHEST, null, 0);

        /** Just below {@code value}: below it and above everything lower. */
        static Bound before(Object value) {
            return new Bound(Kind.BEFORE, value, 0);
        }

        /** Just above {@code value}. */
        static Bound after(Object value) {
            return new Bound(Kind.AFTER, value, 0);
        }

        /** Below every value of {@code value}'s type bracket (numbers, strings, dates…) and above lower brackets. */
        static Bound beforeTypeOf(Object value) {
            return new Bound(Kind.BEFORE_TYPE, null, typeRank(value));
        }

        /** Above every value of {@code value}'s type bracket and below higher brackets. */
        static Bound afterTypeOf(Object value) {
            return new Bound(Kind.AFTER_TYPE, null, typeRank(value));
        }

        /** Above every string that starts with {@code prefix}, below every other value above {@code prefix}. */
        static Bound afterPrefix(String prefix) {
            return new Bound(Kind.AFTER_PREFIX, prefix, 0);
        }

        /** The sign of (this - other). */
        int compareTo(Object other) {
            return switch (kind) {
                case LOWEST -> -1;
                case HIGHEST -> 1;
                case BEFORE -> ORDER.compare(value, other) <= 0 ? -1 : 1;
                case AFTER -> ORDER.compare(value, other) >= 0 ? 1 : -1;
                case BEFORE_TYPE -> typeRank(other) >= typeRank ? -1 : 1;
                case AFTER_TYPE -> typeRank(other) <= typeRank ? 1 : -1;
                case AFTER_PREFIX -> other instanceof String s && s.startsWith((String) value) ? 1
                    : ORDER.compare(value, other) < 0 ? -1 : 1;
            };
        }

        /** The rank of a value's type in MongoDB's comparison order, as {@link ValueComparator} orders types. */
        static int typeRank(Object value) {
            if (value instanceof MinKey) {
                return 0;
            }
            if (Missing.isNullOrMissing(value)) {
                return 1;
            }
            for (int i = 0; i < TYPE_ORDER.size(); i++) {
                if (TYPE_ORDER.get(i).isInstance(value)) {
                    return i + 2;
                }
            }
            return TYPE_ORDER.size() + 2;
        }

        private static final List<Class<?>> TYPE_ORDER = List.of(Number.class, String.class, Document.class,
            List.class, BinData.class, LegacyUUID.class, UUID.class, ObjectId.class, Boolean.class, Instant.class,
            BsonTimestamp.class, BsonRegularExpression.class, MaxKey.class);
    }

    private static void writeKey(WriteBuffer buffer, KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        byte[] bytes = encode(new Document("k", values));
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @SuppressWarnings("unchecked")
    private static KeyValue readKey(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new KeyValue((List<Object>) BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)).get("k"));
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }
}
