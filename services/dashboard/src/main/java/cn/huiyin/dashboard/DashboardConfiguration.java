package cn.huiyin.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import cn.huiyin.dashboard.application.ledger.LedgerExport;
import cn.huiyin.dashboard.application.ledger.LedgerExports;
import cn.huiyin.dashboard.application.ledger.Workbooks;
import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.organisation.Organisations;
import cn.huiyin.dashboard.application.organisation.RegistryLabels;
import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.FactStore;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.projection.ProjectEvents;
import cn.huiyin.dashboard.application.projection.ProjectionState;
import cn.huiyin.dashboard.application.query.CellSums;
import cn.huiyin.dashboard.application.query.DrillDown;
import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.application.query.HotspotQueries;
import cn.huiyin.dashboard.application.query.IntakeCounts;
import cn.huiyin.dashboard.application.query.Labels;
import cn.huiyin.dashboard.application.query.LeaderQueries;
import cn.huiyin.dashboard.application.ranking.MonthlyRankings;
import cn.huiyin.dashboard.application.ranking.RankingStore;
import cn.huiyin.dashboard.application.rebuild.FactBatches;
import cn.huiyin.dashboard.application.rebuild.History;
import cn.huiyin.dashboard.application.rebuild.RebuildProjection;
import cn.huiyin.dashboard.domain.ranking.RankingWeights;
import cn.huiyin.dashboard.web.XlsxWorkbooks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the dashboard's use cases, which are plain Java, to their adapters. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    LiveGeneration liveGeneration(ProjectionState state) {
        return new LiveGeneration(state);
    }

    @Bean
    ProjectEvents projectEvents(FactStore facts, CellStore cells, LiveGeneration live) {
        return new ProjectEvents(facts, cells, live);
    }

    @Bean
    FollowOrganisations followOrganisations(Organisations organisations) {
        return new FollowOrganisations(organisations);
    }

    @Bean
    CellSums cellSums(CellStore cells) {
        return new CellSums(cells);
    }

    @Bean
    Labels labels(FollowOrganisations organisations) {
        return new RegistryLabels(organisations);
    }

    @Bean
    LeaderQueries leaderQueries(CellSums sums, LiveGeneration live, FollowOrganisations organisations, Labels labels) {
        return new LeaderQueries(sums, live, organisations, labels);
    }

    @Bean
    DrillDown drillDown(FactQueries facts, LiveGeneration live, FollowOrganisations organisations) {
        return new DrillDown(facts, live, organisations);
    }

    @Bean
    IntakeCounts intakeCounts(CellSums sums, LiveGeneration live) {
        return new IntakeCounts(sums, live);
    }

    @Bean
    HotspotQueries hotspotQueries(CellSums sums, LiveGeneration live, Labels labels,
                                  @Value("${huiyin.dashboard.hotspots.minimum:5}") long minimum) {
        return new HotspotQueries(sums, live, labels, minimum);
    }

    @Bean
    RebuildProjection rebuildProjection(History history, FactBatches facts, CellStore cells, ProjectionState state,
                                        LiveGeneration live, FollowOrganisations organisations, Clock clock,
                                        @Value("${huiyin.dashboard.rebuild.batch-size:2000}") int batchSize) {
        Executor background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        return new RebuildProjection(history, facts, cells, state, live, organisations, background, clock, batchSize);
    }

    @Bean
    RankingFreezeSchedule rankingFreezeSchedule(MonthlyRankings rankings,
                                                @Value("${huiyin.dashboard.ranking.freeze-check:1m}") Duration every) {
        return new RankingFreezeSchedule(rankings, every);
    }

    @Bean
    LedgerExport ledgerExport(FactQueries facts, LiveGeneration live) {
        return new LedgerExport(facts, live);
    }

    @Bean
    Workbooks workbooks() {
        return new XlsxWorkbooks();
    }

    @Bean
    LedgerExports ledgerExports(LedgerExport ledger, Workbooks workbooks, Clock clock,
                                @Value("${huiyin.dashboard.ledger.directory:}") String directory,
                                @Value("${huiyin.dashboard.ledger.direct-limit:50000}") long directLimit,
                                @Value("${huiyin.dashboard.ledger.keep:24h}") Duration keep) throws IOException {
        Path files = directory.isBlank() ? Files.createTempDirectory("huiyin-ledger-") : Files.createDirectories(Path.of(directory));
        Executor background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-ledger-export");
            thread.setDaemon(true);
            return thread;
        });
        return new LedgerExports(ledger, workbooks, background, clock, files, directLimit, keep);
    }

    @Bean
    RankingWeights rankingWeights(@Value("${huiyin.dashboard.ranking.weights.response:0.30}") double response,
                                  @Value("${huiyin.dashboard.ranking.weights.resolution:0.35}") double resolution,
                                  @Value("${huiyin.dashboard.ranking.weights.satisfaction:0.35}") double satisfaction) {
        return new RankingWeights(response, resolution, satisfaction);
    }

    @Bean
    MonthlyRankings monthlyRankings(CellSums sums, CellStore cells, RankingStore store, FactQueries facts,
                                    LiveGeneration live, FollowOrganisations organisations, RankingWeights weights,
                                    Clock clock) {
        return new MonthlyRankings(sums, cells, store, facts, live, organisations, weights, clock);
    }
}
