package cn.huiyin.platform.embedded;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/** Reads an explain answer: the index its winning plan scans, and its stages. */
final class IndexPlans {

    private IndexPlans() {
    }

    static String indexName(Document explain) {
        for (Document stage : stageDocuments(explain.get("queryPlanner", Document.class).get("winningPlan", Document.class))) {
            if ("IXSCAN".equals(stage.getString("stage"))) {
                return stage.getString("indexName");
            }
        }
        return null;
    }

    static List<String> stages(Document explain) {
        return stageDocuments(explain.get("queryPlanner", Document.class).get("winningPlan", Document.class)).stream()
            .map(stage -> stage.getString("stage")).toList();
    }

    private static List<Document> stageDocuments(Document stage) {
        List<Document> stages = new ArrayList<>();
        while (stage != null) {
            stages.add(stage);
            stage = stage.get("inputStage", Document.class);
        }
        return stages;
    }
}
