package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SlowQueriesTest {

    @Test
    void aSlowQueryIsLoggedWithWhatItExaminedOnceAMinutePerCollection() {
        Logger logger = (Logger) LoggerFactory.getLogger(SlowQueries.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            long now = System.nanoTime();
            long slow = now - TimeUnit.MILLISECONDS.toNanos(250);
            Document filter = new Document("organisation", "org-7");
            SlowQueries.ran("test-slow.cases", filter, null, now, 3, 3);
            SlowQueries.ran("test-slow.cases", filter, null, slow, 10, 40_000);
            SlowQueries.ran("test-slow.cases", filter, null, slow, 10, 40_000);
            SlowQueries.ran("test-slow.returns", filter, null, slow, 0, 5_000);

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2);
            assertThat(lines.list.get(0).getFormattedMessage()).startsWith("Slow query on test-slow.cases: 25")
                .contains("10 keys and 40000 documents examined").contains("\"organisation\" : \"org-7\"");
            assertThat(lines.list.get(1).getFormattedMessage()).startsWith("Slow query on test-slow.returns");
        } finally {
            logger.detachAppender(lines);
        }
    }
}
