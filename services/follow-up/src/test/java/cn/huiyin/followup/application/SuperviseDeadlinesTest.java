package cn.huiyin.followup.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.Test;

/** The scan in isolation, over case files kept in a list: what it does when one of them keeps changing under it. */
class SuperviseDeadlinesTest {

    private final TestClock clock = TestClock.startingAt(TestInstants.DEFAULT);
    private final WorkingTime time = new WorkingTime(ChinaCalendar.builtIn());
    private final Organisations organisations = new Organisations(unused(OrganisationDirectory.class));
    private final List<String> stored = new ArrayList<>();

    @Test
    void aCaseFileThatKeepsChangingUnderTheScanIsLeftToTheNextScanAndTheOthersAreStillSupervised() {
        CaseFiles cases = caseFiles(List.of("HY-1", "HY-2", "HY-3"), "HY-2");
        SuperviseDeadlines scan = new SuperviseDeadlines(cases, new CaseChanges(cases, organisations, time),
            new TrackActionItems(noActionItems(), organisations, time, clock), organisations, clock);

        SuperviseDeadlines.ScanResult result = scan.scan();

        assertThat(stored).containsExactly("HY-1", "HY-3");
        assertThat(result.caseFiles()).isEqualTo(3);
    }

    /** Case files that are all due; every write of {@code contended} meets a change made by someone else. */
    private CaseFiles caseFiles(List<String> ids, String contended) {
        return (CaseFiles) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CaseFiles.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "dueForSupervision" -> ids.stream().map(id -> new DueCheck(id, 1)).toList();
                case "find" -> Optional.of(CaseFile.open((String) args[0], clock.instant()));
                case "updateSupervised" -> {
                    String id = ((CaseFile) args[0]).id();
                    if (id.equals(contended)) {
                        throw new ConcurrentChange(id);
                    }
                    stored.add(id);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private ActionItems noActionItems() {
        return (ActionItems) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ActionItems.class},
            (proxy, method, args) -> {
                if (method.getName().equals("dueForSupervision")) {
                    return List.of();
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(SuperviseDeadlinesTest.class.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });
    }
}
