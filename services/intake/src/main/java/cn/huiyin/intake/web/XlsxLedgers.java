package cn.huiyin.intake.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.intake.application.ledger.LedgerSheet;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an uploaded .xlsx ledger into text cells. POI's own guards against zip bombs stay on; a
 * file that is not a workbook is a problem of the field {@code file}, never a 500.
 */
final class XlsxLedgers {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private XlsxLedgers() {
    }

    static LedgerSheet read(byte[] xlsx) {
        if (xlsx == null || xlsx.length == 0) {
            throw problem("ledger.file-missing", "请上传 .xlsx 格式的台账文件", "upload the ledger as an .xlsx file");
        }
        if (xlsx.length > MAX_BYTES) {
            throw problem("ledger.file-too-large", "台账文件不能超过 10 MB，请分批导入",
                "the ledger file must not exceed 10 MB; split it");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row heading = sheet.getRow(sheet.getFirstRowNum());
            if (heading == null) {
                throw problem("ledger.empty", "台账中没有表头", "the ledger has no heading row");
            }
            int width = heading.getLastCellNum();
            List<String> headings = cells(heading, width);
            List<LedgerSheet.Row> rows = new ArrayList<>();
            for (int r = heading.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    rows.add(new LedgerSheet.Row(r + 1, cells(row, width)));
                }
            }
            return new LedgerSheet(headings, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidFieldsException invalid) {
                throw invalid;
            }
            throw problem("ledger.file-unreadable", "无法读取台账文件，请上传 Excel 2007 及以上的 .xlsx 文件",
                "the ledger cannot be read; upload an .xlsx workbook (Excel 2007 or later)");
        }
    }

    private static List<String> cells(Row row, int width) {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    /** A cell as text: dates as ISO local date-times, whole numbers without a decimal point (mobiles, numbers). */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toString()
                : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static InvalidFieldsException problem(String code, String zh, String en) {
        return new InvalidFieldsException(List.of(new FieldProblem("file", code, zh, en)));
    }
}
