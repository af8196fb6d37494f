package cn.huiyin.dashboard.application.query;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.fact.CaseFact;

/** Reads facts of a generation for drill-downs and ledgers (port). */
public interface FactQueries {

    /**
     * Every fact of the generation within the territory {@code scope} (a division prefix) whose date of {@code basis}
     * lies in {@code from..to} (Beijing, inclusive), in grievance id order, streamed.
     */
    void forEach(String generation, String scope, Basis basis, LocalDate from, LocalDate to, Consumer<CaseFact> action);

    /** How many facts {@link #forEach} would stream, for a progress bar. */
    long count(String generation, String scope, Basis basis, LocalDate from, LocalDate to);

    Optional<CaseFact> find(String generation, String grievanceId);
}
