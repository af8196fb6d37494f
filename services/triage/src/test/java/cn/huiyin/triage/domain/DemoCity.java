package cn.huiyin.triage.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.triage.persistence.RuleFiles;

/** The demo city as the domain tests use it: the shipped rules files, registry, categories and divisions. */
final class DemoCity {

    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Categories CATEGORIES = new Categories(REFERENCE.categories().stream().map(c -> new CategoryInfo(
        c.code(), c.nameZh(), c.nameEn(), CategoryScope.valueOf(c.scope().name()))).toList());
    static final DivisionTree DIVISIONS = new DivisionTree(REFERENCE.divisions().stream().map(d -> new DivisionTree.Node(
        d.code(), d.nameZh(), DivisionTree.Level.valueOf(d.level().name()), d.parent())).toList());
    static final ChinaCalendar CALENDAR = ChinaCalendar.builtIn();
    static final OrganisationRegistry REGISTRY = new OrganisationRegistry(RuleFiles.demoOrganisations());
    static final Classifier CLASSIFIER = new Classifier(RuleFiles.classification(), CATEGORIES, new SpringFestival(CALENDAR));
    static final Router ROUTER = new Router(RuleFiles.routing(), CATEGORIES, DIVISIONS);
    static final DeadlinePolicy DEADLINES = RuleFiles.deadlines();

    private DemoCity() {
    }

    /** Beijing wall-clock time. */
    static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ChinaCalendar.ZONE).toInstant();
    }

    static ReceivedGrievance grievance(String category, String group, String employer, boolean confidential,
                                       String division, String description, Instant submittedAt) {
        return new ReceivedGrievance("HY-20260212-" + String.format("%06d", (int) (Math.random() * 999_999) + 1),
            submittedAt, "SERVICE_HALL_WINDOW", "wk-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
            group, employer, confidential, category, description, division, null);
    }

    /** Triage as the service does it: classify, deadlines, route. */
    static TriageCase triage(ReceivedGrievance grievance) {
        Classification classification = CLASSIFIER.classify(grievance);
        Deadlines deadlines = DEADLINES.deadlines(grievance.submittedAt(), classification.category(),
            classification.urgency(), classification.needsJointReview(), CALENDAR);
        return TriageCase.triage(grievance, classification, deadlines,
            ROUTER.route(grievance, classification.category(), REGISTRY, Set.of()), Duplicates.NONE,
            List.of(), grievance.submittedAt().plusSeconds(1));
    }
}
