package cn.huiyin.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * One generation of a {@link Journal} on disk, next to the store's file: {@code <store file>.journal.<generation>}.
 * A batch is framed as magic, length, CRC-32C and payload, and forced to the device before {@link #append} returns.
 * A crash can leave the last batch torn; reading stops there, since a torn batch was never acknowledged.
 */
final class JournalFile implements AutoCloseable {

    private static final int MAGIC = 0x48594a31;
    private static final int HEADER = 12;

    private final FileChannel channel;
    private long size;

    private JournalFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates the file of {@code generation}, which must not exist yet, and makes its name durable. */
    static JournalFile create(Path storeFile, long generation) {
        Path path = path(storeFile, generation);
        try {
            JournalFile file = new JournalFile(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
            try (FileChannel directory = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException e) {
                // Some file systems cannot sync a directory; the file's own force still holds its content.
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the journal " + path, e);
        }
    }

    static Path path(Path storeFile, long generation) {
        return storeFile.resolveSibling(storeFile.getFileName() + ".journal." + generation);
    }

    /** The generations found beside {@code storeFile}, in order. */
    static List<Long> generations(Path storeFile) {
        Pattern name = Pattern.compile(Pattern.quote(storeFile.getFileName() + ".journal.") + "(\\d+)");
        try (Stream<Path> files = Files.list(storeFile.toAbsolutePath().getParent())) {
            return files.map(file -> name.matcher(file.getFileName().toString()))
                .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole batches of a generation's file, in the order written. */
    static List<ByteBuffer> read(Path storeFile, long generation) {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(path(storeFile, generation)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ByteBuffer> batches = new ArrayList<>();
        while (bytes.remaining() >= HEADER) {
            int magic = bytes.getInt();
            int length = bytes.getInt();
            int checksum = bytes.getInt();
            if (magic != MAGIC || length < 0 || length > bytes.remaining()) {
                break;
            }
            ByteBuffer payload = bytes.slice(bytes.position(), length);
            if ((int) crc(payload.duplicate()) != checksum) {
                break;
            }
            batches.add(payload);
            bytes.position(bytes.position() + length);
        }
        return batches;
    }

    static void delete(Path storeFile, long generation) {
        try {
            Files.deleteIfExists(path(storeFile, generation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one batch and forces it to the device. */
    void append(ByteBuffer payload) {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putInt(MAGIC).putInt(payload.remaining()).putInt((int) crc(payload.duplicate())).flip();
        try {
            long written = 0;
            ByteBuffer[] parts = {header, payload};
            while (header.hasRemaining() || payload.hasRemaining()) {
                written += channel.write(parts);
            }
            channel.force(false);
            size += written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal", e);
        }
    }

    long size() {
        return size;
    }

    private static long crc(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
