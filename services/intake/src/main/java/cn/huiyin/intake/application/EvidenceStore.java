package cn.huiyin.intake.application;

import java.io.InputStream;
import java.util.Optional;

/** Where evidence files are kept (MongoDB GridFS), apart from the grievance documents. */
public interface EvidenceStore {

    /** A stored file, opened for reading. */
    record StoredFile(String filename, String contentType, long size, InputStream content) {
    }

    String store(String grievanceId, String filename, String contentType, byte[] content);

    Optional<StoredFile> open(String grievanceId, String fileId);

    /** Deletes every file of the grievance (retention); returns how many. */
    int deleteAll(String grievanceId);
}
