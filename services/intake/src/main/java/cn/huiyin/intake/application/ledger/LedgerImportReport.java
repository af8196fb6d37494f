package cn.huiyin.intake.application.ledger;

import java.util.List;

/**
 * What an import did, row by row. Rejected rows were not stored; they are listed with every bad field.
 */
public record LedgerImportReport(String source, int rows, List<RowResult> results, List<RowProblem> problems) {

    public enum Outcome { IMPORTED, ALREADY_IMPORTED, REJECTED }

    /** @param grievanceId the grievance the row is (null when rejected) */
    public record RowResult(int row, String ledgerNumber, Outcome outcome, String grievanceId) {
    }

    /** One bad field of one row, in Chinese and English. */
    public record RowProblem(int row, String ledgerNumber, String field, String code, String message,
                             String messageEn) {
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
