package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.junit.jupiter.api.Test;

class CommandTallyTest {

    @Test
    void countsCommandsAndTheStatementsTheyCarryPerCollectionMostFrequentFirstThenByName() {
        CommandTally tally = new CommandTally();

        tally.count(command("intake", new Document("insert", "grievances")
            .append("documents", List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)))));
        for (int i = 0; i < 2; i++) {
            tally.count(command("triage", new Document("find", "inbox").append("filter", new Document())));
        }
        tally.count(command("dashboard", new Document("update", "cells")
            .append("updates", List.of(new Document("q", new Document()), new Document("q", new Document())))));

        assertThat(tally.summary().lines().toList()).containsExactly(
            "4 in all (commands, statements, collection and command):",
            "         2          2  triage.inbox find",
            "         1          2  dashboard.cells update",
            "         1          3  intake.grievances insert");
    }

    private static MongoMessage command(String database, Document command) {
        return new MongoMessage(null, new MessageHeader(1, 0), command.append("$db", database));
    }
}
