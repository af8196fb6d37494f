package cn.huiyin.dashboard.application.rebuild;

import java.util.List;
import java.util.Map;

/** The full history of every topic the dashboard reads, from the first record (port). */
public interface History {

    Reader open();

    /** Reads every slot (topic-partition) from its first record on. */
    interface Reader extends AutoCloseable {

        /** The next offset to be written per slot (log end), now. */
        Map<String, Long> endOffsets();

        /** The first offset still kept per slot. */
        Map<String, Long> beginningOffsets();

        /** The next offset this reader reads per slot. */
        Map<String, Long> positions();

        /** The next offset the live consumers will read per slot (their committed offsets). */
        Map<String, Long> liveOffsets();

        /**
         * Up to {@code max} records below {@code stopAt} (per slot, exclusive); records of slots that reached their stop
         * are not read. Records that are not events the dashboard reads are skipped but counted as read.
         */
        Batch poll(int max, Map<String, Long> stopAt);

        @Override
        void close();
    }

    /** Events read, and how many records were read in all (including skipped ones). */
    record Batch(List<HistoricEvent> events, int recordsRead) {
    }
}
