package cn.huiyin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.huiyin.dashboard.domain.metric.Metric;
import org.junit.jupiter.api.Test;

/** docs/metrics.md writes out every metric the code defines, with its Chinese name and its definition. */
class MetricsDocumentedTest {

    @Test
    void everyMetricIsWrittenOut() throws IOException {
        String doc = Files.readString(Path.of("../../docs/metrics.md"));
        for (Metric metric : Metric.values()) {
            assertThat(doc).as(metric.code()).contains("`" + metric.code() + "`", metric.nameZh(), metric.definitionZh(),
                metric.definitionEn());
        }
    }
}
