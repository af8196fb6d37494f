package cn.huiyin.dashboard.application.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Spreadsheet workbooks (.xlsx) written row by row with a bounded memory footprint whatever their size (port; the
 * adapter keeps only a window of rows in memory and the rest in compressed temporary files).
 */
public interface Workbooks {

    /** A new, empty workbook; close it to free its temporary files. */
    Writer open();

    /** One workbook being written. */
    interface Writer extends AutoCloseable {

        /**
         * Starts a sheet with a header row. A sheet that reaches the format's row limit (1,048,576) goes on in a new
         * sheet of the same name with a number, header repeated.
         */
        void sheet(String name, List<String> header);

        /** Appends a row to the current sheet: String, Number, Boolean, LocalDateTime or null (an empty cell). */
        void row(List<?> values);

        /** Writes the finished workbook to {@code out} (not closing it). */
        void writeTo(OutputStream out) throws IOException;

        @Override
        void close();
    }
}
