package cn.huiyin.intake.application.ledger;

import java.util.List;

/**
 * A ledger as read from its workbook: the heading row and the rows below it, each cell as text (dates as ISO local
 * date-times, whole numbers without a decimal point), empty cells as null.
 *
 * @param number the row's number as the spreadsheet shows it (the heading is row 1)
 */
public record LedgerSheet(List<String> headings, List<Row> rows) {

    public record Row(int number, List<String> cells) {
    }
}
