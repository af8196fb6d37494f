package cn.huiyin.intake.persistence;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.application.EvidenceStore;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Evidence files in MongoDB GridFS (bucket {@code evidence}), each tagged with its grievance: a file is only ever
 * served for the grievance it belongs to, however its id was obtained.
 */
@Repository
class GridFsEvidenceStore implements EvidenceStore {

    private final GridFSBucket bucket;

    GridFsEvidenceStore(MongoTemplate mongo) {
        this.bucket = GridFSBuckets.create(mongo.getDb(), "evidence");
    }

    @Override
    public String store(String grievanceId, String filename, String contentType, byte[] content) {
        ObjectId id = bucket.uploadFromStream(filename, new ByteArrayInputStream(content), new GridFSUploadOptions()
            .metadata(new Document("grievanceId", grievanceId).append("contentType", contentType)));
        return id.toHexString();
    }

    @Override
    public Optional<StoredFile> open(String grievanceId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        GridFSFile file = bucket.find(Filters.eq("_id", new ObjectId(fileId))).first();
        if (file == null || file.getMetadata() == null || !grievanceId.equals(file.getMetadata().getString("grievanceId"))) {
            return Optional.empty();
        }
        return Optional.of(new StoredFile(file.getFilename(), file.getMetadata().getString("contentType"),
            file.getLength(), bucket.openDownloadStream(file.getObjectId())));
    }

    @Override
    public int deleteAll(String grievanceId) {
        List<ObjectId> files = new ArrayList<>();
        bucket.find(Filters.eq("metadata.grievanceId", grievanceId)).forEach(file -> files.add(file.getObjectId()));
        files.forEach(bucket::delete);
        return files.size();
    }
}
