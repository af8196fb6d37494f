package cn.huiyin.triage;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.messaging.lease.Leases;
import cn.huiyin.triage.application.CaseQueries;
import cn.huiyin.triage.application.ClusterMembers;
import cn.huiyin.triage.application.Grouping;
import cn.huiyin.triage.application.InboxQueries;
import cn.huiyin.triage.application.Inboxes;
import cn.huiyin.triage.application.InboxesFollowCases;
import cn.huiyin.triage.application.IntakeUpdates;
import cn.huiyin.triage.application.OfficerOverrides;
import cn.huiyin.triage.application.OrganisationAdmin;
import cn.huiyin.triage.application.OrganisationPublication;
import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.application.RecentGrievances;
import cn.huiyin.triage.application.Registry;
import cn.huiyin.triage.application.RegistryCheck;
import cn.huiyin.triage.application.rules.RuleBook;
import cn.huiyin.triage.application.rules.RuleLoading;
import cn.huiyin.triage.application.rules.RuleSource;
import cn.huiyin.triage.application.SignFor;
import cn.huiyin.triage.application.TriageCases;
import cn.huiyin.triage.application.TriagePolicy;
import cn.huiyin.triage.application.TriagePreview;
import cn.huiyin.triage.application.TriageSubmittedGrievance;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.CategoryInfo;
import cn.huiyin.triage.domain.CategoryScope;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.SpringFestival;
import cn.huiyin.triage.persistence.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires triage's use cases, which are plain Java, to their adapters, and loads its data: the shared reference data
 * (categories, divisions), the platform calendar, the rules files and the organisation registry. Broken rules or data
 * stop the service at start-up with the file and the reason, never at the first grievance.
 */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TriageConfiguration.class);

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.load();
    }

    @Bean
    Categories categories(ReferenceData referenceData) {
        return new Categories(referenceData.categories().stream().map(c -> new CategoryInfo(c.code(), c.nameZh(),
            c.nameEn(), CategoryScope.valueOf(c.scope().name()))).toList());
    }

    @Bean
    DivisionTree divisionTree(ReferenceData referenceData) {
        return new DivisionTree(referenceData.divisions().stream().map(d -> new DivisionTree.Node(d.code(), d.nameZh(),
            DivisionTree.Level.valueOf(d.level().name()), d.parent())).toList());
    }

    @Bean
    ChinaCalendar chinaCalendar() {
        return ChinaCalendar.builtIn();
    }

    @Bean
    SpringFestival springFestival(ChinaCalendar calendar) {
        return new SpringFestival(calendar);
    }

    @Bean
    RuleSource ruleSource(@Value("${huiyin.triage.rules-dir:}") String directory) {
        return new RuleFiles(directory == null || directory.isBlank() ? null : Path.of(directory));
    }

    @Bean
    RuleBook ruleBook() {
        return new RuleBook();
    }

    @Bean
    Registry registry(OrganisationStore store) {
        return new Registry(store);
    }

    @Bean
    RegistryCheck registryCheck(Categories categories, DivisionTree divisions) {
        return new RegistryCheck(categories, divisions);
    }

    @Bean
    OrganisationPublication organisationPublication(OrganisationStore store, Registry registry, Clock clock) {
        return new OrganisationPublication(store, registry, clock);
    }

    @Bean
    OrganisationAdmin organisationAdmin(OrganisationStore store, Registry registry, RegistryCheck check, RuleBook rules,
                                        OrganisationPublication publication) {
        return new OrganisationAdmin(store, registry, check, rules, publication);
    }

    /**
     * At start-up, publishes every organisation whose last publication is behind the registry (an edit stored just
     * before a crash, or a registry from before organisations were published), so a new consumer sees all of them.
     */
    @Bean
    ApplicationRunner publishTheRegistry(OrganisationPublication publication, RuleLoading loaded) {
        return arguments -> {
            int published = publication.publishChanges();
            if (published > 0) {
                log.info("Published {} organisations whose last publication was behind", published);
            }
        };
    }

    /** Loads the rules and (into an empty store) the registry at start-up; a mistake in any file stops triage. */
    @Bean
    RuleLoading ruleLoading(RuleSource source, RuleBook book, Categories categories, DivisionTree divisions,
                            SpringFestival springFestival, OrganisationStore store, Registry registry,
                            RegistryCheck check, OrganisationAdmin admin, Clock clock) {
        RuleLoading loading = new RuleLoading(source, book, categories, divisions, springFestival, store, registry,
            check, admin, clock);
        RuleLoading.Outcome outcome = loading.loadAtStartUp();
        log.info("Triage rules {} loaded from {}{}", outcome.fingerprint(), outcome.origins(),
            outcome.registryLoaded() ? "; registry loaded from its file" : "");
        return loading;
    }

    /** Reloads the rules directory when a file in it changes; mistakes are logged and the rules in force stay. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService rulesWatch(RuleLoading loading, @Value("${huiyin.triage.rules-dir:}") String directory,
                                        @Value("${huiyin.triage.rules-check:10s}") Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-watch");
            thread.setDaemon(true);
            return thread;
        });
        if (directory != null && !directory.isBlank() && !every.isZero() && !every.isNegative()) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    loading.reloadIfChanged().ifPresent(outcome -> {
                        if (outcome.applied()) {
                            log.info("Triage rules {} reloaded from {}", outcome.fingerprint(), outcome.origins());
                        } else {
                            log.warn("Triage rules in {} have mistakes; keeping the rules in force ({}): {}", directory,
                                outcome.fingerprint(), outcome.problems());
                        }
                    });
                } catch (RuntimeException e) {
                    log.warn("Could not check the rules directory {}; keeping the rules in force", directory, e);
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return executor;
    }

    /** Picks up registry edits made through another instance. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService registryRefresh(Registry registry, OrganisationPublication publication,
                                             @Value("${huiyin.triage.registry-refresh:5s}") Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registry-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                // An instance that died between an edit and its publication leaves it to the others.
                if (registry.refreshIfChanged()) {
                    publication.publishChanges();
                }
            } catch (RuntimeException e) {
                log.warn("Could not refresh the organisation registry; keeping the one loaded", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Depends on the loading, so that no grievance is triaged before the rules are in force. */
    @Bean
    TriagePolicy triagePolicy(RuleBook rules, RuleLoading loaded, ChinaCalendar calendar, Registry registry,
                              Categories categories) {
        return new TriagePolicy(rules, calendar, registry, categories);
    }

    @Bean
    Grouping grouping(RecentGrievances recent, Registry registry, DivisionTree divisions, Categories categories,
                      TriagePolicy policy,
                      @Value("${huiyin.triage.grouping.duplicate-window:P7D}") Duration duplicateWindow,
                      @Value("${huiyin.triage.grouping.cluster-window:P7D}") Duration clusterWindow,
                      @Value("${huiyin.triage.grouping.cluster-threshold:3}") int clusterThreshold) {
        return new Grouping(recent, new Grouping.Settings(duplicateWindow, clusterWindow, clusterThreshold), registry,
            divisions, categories, policy);
    }

    @Bean
    TriageSubmittedGrievance triageSubmittedGrievance(TriageCases cases, Inboxes inboxes, TriagePolicy policy,
                                                      Grouping grouping, Clock clock) {
        return new TriageSubmittedGrievance(cases, inboxes, policy, grouping, clock);
    }

    @Bean
    ClusterMembers clusterMembers(TriageCases cases, Inboxes inboxes, TriagePolicy policy) {
        return new ClusterMembers(cases, inboxes, policy);
    }

    @Bean
    IntakeUpdates intakeUpdates(TriageCases cases, Inboxes inboxes) {
        return new IntakeUpdates(cases, inboxes);
    }

    @Bean
    SignFor signFor(TriageCases cases, Inboxes inboxes, TriagePolicy policy, Registry registry, Clock clock) {
        return new SignFor(cases, inboxes, policy, registry, clock);
    }

    @Bean
    InboxesFollowCases inboxesFollowCases(TriageCases cases, Inboxes inboxes) {
        return new InboxesFollowCases(cases, inboxes);
    }

    @Bean
    OfficerOverrides officerOverrides(TriageCases cases, Inboxes inboxes, TriagePolicy policy, Registry registry,
                                      Leases leases, Clock clock) {
        return new OfficerOverrides(cases, inboxes, policy, registry, leases, clock);
    }

    @Bean
    CaseQueries caseQueries(TriageCases cases, Registry registry, Grouping grouping, Categories categories, Clock clock) {
        return new CaseQueries(cases, registry, grouping, categories, clock);
    }

    @Bean
    InboxQueries inboxQueries(Inboxes inboxes, Registry registry, Clock clock) {
        return new InboxQueries(inboxes, registry, clock);
    }


    @Bean
    TriagePreview triagePreview(TriagePolicy policy, Categories categories, DivisionTree divisions, Clock clock) {
        return new TriagePreview(policy, categories, divisions, clock);
    }
}
