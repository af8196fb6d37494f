package cn.huiyin.dashboard.application.ledger;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Where background exports keep their state and their files, readable from every instance (port). */
public interface LedgerFiles {

    void save(LedgerJob job);

    Optional<LedgerJob> job(String id);

    /** A stream to write the job's file to; the file is stored when the stream is closed. */
    OutputStream create(LedgerJob job);

    /** The job's finished file. */
    Optional<InputStream> open(String jobId);
}
