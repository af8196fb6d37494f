package cn.huiyin.followup.persistence;

import java.util.Date;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CaseFile;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Benchmarks only: follow-up's case files in exactly the shape follow-up stores them ({@link CaseFileDocument#from},
 * mapped by follow-up's own converter), written a thousand at a time. Lives in follow-up's persistence package
 * because the document class is package-private; a copy of its shape would drift. The case files are written
 * without their events (an empty outbox): the seeded history is not published. The writes go through the caller's
 * client ({@code database}), not follow-up's, whose operation time-out a batch can outlast on a loaded machine.
 */
public final class CaseFileBatches {

    private final MongoConverter converter;
    private final MongoDatabase database;

    public CaseFileBatches(MongoConverter converter, MongoDatabase database) {
        this.converter = converter;
        this.database = database;
    }

    /** Inserts the case files (version 1) and their {@code cases_due} entries, as {@code MongoCaseFiles} would. */
    public void insert(List<CaseFile> caseFiles) {
        List<Document> documents = caseFiles.stream().map(c -> {
            Document d = new Document();
            converter.write(CaseFileDocument.from(c, 1L), d);
            return d;
        }).toList();
        database.getCollection("cases").insertMany(documents);
        List<Document> due = caseFiles.stream().filter(c -> c.nextSupervisionAt().isPresent())
            .map(c -> new Document("_id", c.id()).append("due", Date.from(c.nextSupervisionAt().get()))
                .append("touches", 1L)).toList();
        if (!due.isEmpty()) {
            database.getCollection("cases_due").insertMany(due);
        }
    }
}
