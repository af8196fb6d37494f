package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void queriesReadAndEverythingElseMayWrite() {
        assertThat(Commands.mayWrite(message(new Document("find", "cases")))).isFalse();
        assertThat(Commands.mayWrite(message(new Document("getMore", 12L)))).isFalse();
        assertThat(Commands.mayWrite(message(new Document("aggregate", "cases")
            .append("pipeline", List.of(new Document("$match", new Document("state", "OPEN"))))))).isFalse();

        assertThat(Commands.mayWrite(message(new Document("insert", "cases")))).isTrue();
        assertThat(Commands.mayWrite(message(new Document("findAndModify", "cases")))).isTrue();
        assertThat(Commands.mayWrite(message(new Document("createIndexes", "cases")))).isTrue();
        assertThat(Commands.mayWrite(message(new Document("someCommandNobodyKnows", 1)))).isTrue();
        assertThat(Commands.mayWrite(message(new Document("aggregate", "cases")
            .append("pipeline", List.of(new Document("$out", "copy")))))).isTrue();
        assertThat(Commands.mayWrite("not a message")).isTrue();
    }

    private static MongoMessage message(Document command) {
        return new MongoMessage(null, new MessageHeader(1, 0), command.append("$db", "triage"));
    }
}
