package cn.huiyin.triage.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.triage.application.OrganisationAdmin;
import cn.huiyin.triage.application.OrganisationPublication;
import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.application.Registry;
import cn.huiyin.triage.application.RegistryCheck;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.CategoryInfo;
import cn.huiyin.triage.domain.CategoryScope;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationUpdated;
import cn.huiyin.triage.domain.SpringFestival;
import cn.huiyin.triage.persistence.RuleFiles;
import org.junit.jupiter.api.Test;

/**
 * Loading the registry file into an empty store at start-up, when the process stops half-way through: the next start
 * must load the whole file again. (Measured on a 200,000-grievance store: triage's first start timed out half-way
 * through the registry, and every later start refused the routing rules against the half that was stored.)
 */
class RegistryLoadTest {

    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Categories CATEGORIES = new Categories(REFERENCE.categories().stream().map(c ->
        new CategoryInfo(c.code(), c.nameZh(), c.nameEn(), CategoryScope.valueOf(c.scope().name()))).toList());
    private static final DivisionTree DIVISIONS = new DivisionTree(REFERENCE.divisions().stream().map(d ->
        new DivisionTree.Node(d.code(), d.nameZh(), DivisionTree.Level.valueOf(d.level().name()), d.parent())).toList());

    @Test
    void aStartThatStoppedHalfWayThroughTheRegistryIsFollowedByOneThatLoadsItAll() {
        StoredRegistry store = new StoredRegistry();
        store.stopAfter = 5;

        assertThatThrownBy(() -> start(store)).isInstanceOf(StoppedHalfWay.class);
        assertThat(store.organisations).hasSize(5);

        store.stopAfter = Integer.MAX_VALUE;
        RuleLoading.Outcome next = start(store);

        assertThat(next.applied()).isTrue();
        assertThat(next.registryLoaded()).isTrue();
        assertThat(store.organisations.keySet())
            .containsExactlyInAnyOrderElementsOf(RuleFiles.demoOrganisations().stream().map(Organisation::id).toList());
        assertThat(store.appliedFile()).isPresent().get().asString().doesNotStartWith(RuleLoading.UNFINISHED);
        assertThat(start(store).registryLoaded()).as("a third start finds the file loaded").isFalse();
    }

    /** A start of triage as its configuration wires it, on {@code store}. */
    private static RuleLoading.Outcome start(OrganisationStore store) {
        Clock clock = Clock.systemUTC();
        RuleBook book = new RuleBook();
        Registry registry = new Registry(store);
        RegistryCheck check = new RegistryCheck(CATEGORIES, DIVISIONS);
        OrganisationAdmin admin = new OrganisationAdmin(store, registry, check, book,
            new OrganisationPublication(store, registry, clock));
        return new RuleLoading(new RuleFiles(null), book, CATEGORIES, DIVISIONS,
            new SpringFestival(ChinaCalendar.builtIn()), store, registry, check, admin, clock).loadAtStartUp();
    }

    private static final class StoppedHalfWay extends RuntimeException {
    }

    /** The store as MongoDB keeps it, one organisation written at a time; it can stop part-way through a load. */
    private static final class StoredRegistry implements OrganisationStore {

        final Map<String, Organisation> organisations = new LinkedHashMap<>();
        int stopAfter;
        private String appliedFile;
        private long revision;

        @Override
        public List<Organisation> loadAll() {
            return new ArrayList<>(organisations.values());
        }

        @Override
        public long revision() {
            return revision;
        }

        @Override
        public void save(Organisation organisation) {
            organisations.put(organisation.id(), organisation);
            revision++;
        }

        @Override
        public void replaceAll(List<Organisation> all) {
            for (Organisation organisation : all) {
                if (organisations.size() >= stopAfter) {
                    throw new StoppedHalfWay();
                }
                save(organisation);
            }
        }

        @Override
        public Map<String, Publication> publications() {
            return Map.of();
        }

        @Override
        public List<Organisation> removed() {
            return List.of();
        }

        @Override
        public boolean publish(String organisationId, long readRevision, String fingerprint,
                               OrganisationUpdated event) {
            return true;
        }

        @Override
        public Optional<String> appliedFile() {
            return Optional.ofNullable(appliedFile);
        }

        @Override
        public boolean recordAppliedFile(String expected, String fingerprint) {
            if (!java.util.Objects.equals(expected, appliedFile)) {
                return false;
            }
            appliedFile = fingerprint;
            return true;
        }
    }
}
