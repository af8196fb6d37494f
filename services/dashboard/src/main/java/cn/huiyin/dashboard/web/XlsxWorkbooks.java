package cn.huiyin.dashboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

import cn.huiyin.dashboard.application.ledger.Workbooks;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Workbooks written with Apache POI's streaming SXSSF: only the last {@value #WINDOW} rows of a sheet stay in memory,
 * the rest go to gzip-compressed temporary files, so a ledger of a million rows takes a few megabytes of heap.
 * Text is written as text (never a formula, so a cell beginning with = is harmless), times as dates in Beijing time.
 */
public class XlsxWorkbooks implements Workbooks {

    static final int WINDOW = 200;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    @Override
    public Writer open() {
        return new XlsxWriter();
    }

    private static final class XlsxWriter implements Writer {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final CellStyle bold;
        private final CellStyle time;
        private String name;
        private List<String> header;
        private SXSSFSheet sheet;
        private int parts;
        private int next;

        XlsxWriter() {
            workbook.setCompressTempFiles(true);
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            time = workbook.createCellStyle();
            time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }

        @Override
        public void sheet(String name, List<String> header) {
            this.name = name;
            this.header = header;
            this.parts = 0;
            newSheet();
        }

        private void newSheet() {
            parts++;
            sheet = workbook.createSheet(parts == 1 ? name : name + " " + parts);
            sheet.createFreezePane(0, 1);
            Row row = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, header.get(i).length() + 4)) * 256);
            }
            next = 1;
        }

        @Override
        public void row(List<?> values) {
            if (next == MAX_ROWS) {
                newSheet();
            }
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else if (value instanceof LocalDateTime at) {
                    cell.setCellValue(at);
                    cell.setCellStyle(time);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            workbook.write(out);
        }

        @Override
        public void close() {
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
