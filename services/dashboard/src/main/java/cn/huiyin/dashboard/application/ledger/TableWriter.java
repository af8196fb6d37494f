package cn.huiyin.dashboard.application.ledger;

import java.io.OutputStream;
import java.util.List;

/** Writes a table row by row to a stream, never holding more than a window of rows in memory (port). */
public interface TableWriter extends AutoCloseable {

    void header(List<String> names);

    /** Values: text, numbers, booleans, instants (written as Beijing time), or null for an empty cell. */
    void row(List<Object> values);

    /** Finishes the file; the stream is left open. */
    @Override
    void close();

    /** Opens writers of a format on a stream (port). */
    interface Formats {
        TableWriter open(Format format, OutputStream out, String sheetName);
    }
}
