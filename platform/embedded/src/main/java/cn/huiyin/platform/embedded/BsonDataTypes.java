package cn.huiyin.platform.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
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

    /** A unique index's key: its values as a BSON array, ordered as MongoDB orders values. */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        static final KeyValueType INSTANCE = new KeyValueType();
        private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

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

        @Override
        public int getMemory(KeyValue key) {
            return 32 + 32 * key.size();
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            List<Object> values = new ArrayList<>(key.size());
            key.forEach(values::add);
            byte[] bytes = encode(new Document("k", values));
            buffer.putVarInt(bytes.length).put(bytes);
        }

        @Override
        @SuppressWarnings("unchecked")
        public KeyValue read(ByteBuffer buffer) {
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return new KeyValue((List<Object>) BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)).get("k"));
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    private static byte[] encode(Document document) {
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
