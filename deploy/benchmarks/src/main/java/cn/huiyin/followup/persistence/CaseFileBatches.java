package cn.huiyin.followup.persistence;

import java.util.Date;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CaseFile;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmarks only: follow-up's case files in exactly the shape follow-up stores them ({@link CaseFileDocument#from},
 * mapped by follow-up's own converter), written a thousand at a time. Lives in follow-up's persistence package
 * because the document class is package-private; a copy of its shape would drift. The case files are written
 * without their events (an empty outbox): the seeded history is not published.
 */
public final class CaseFileBatches {

    private final MongoTemplate mongo;

    public CaseFileBatches(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts the case files (version 1) and their {@code cases_due} entries, as {@code MongoCaseFiles} would. */
    public void insert(List<CaseFile> caseFiles) {
        List<Document> documents = caseFiles.stream().map(c -> {
            Document d = new Document();
            mongo.getConverter().write(CaseFileDocument.from(c, 1L), d);
            return d;
        }).toList();
        mongo.getCollection("cases").insertMany(documents);
        List<Document> due = caseFiles.stream().filter(c -> c.nextSupervisionAt().isPresent())
            .map(c -> new Document("_id", c.id()).append("due", Date.from(c.nextSupervisionAt().get()))
                .append("touches", 1L)).toList();
        if (!due.isEmpty()) {
            mongo.getCollection("cases_due").insertMany(due);
        }
    }
}
