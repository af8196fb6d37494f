package cn.huiyin.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CallbackOutcome;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.ContactChannel;
import cn.huiyin.followup.domain.casefile.Handling;
import cn.huiyin.followup.domain.casefile.Remedy;
import cn.huiyin.followup.domain.casefile.ResolutionKind;
import cn.huiyin.followup.domain.casefile.Satisfaction;
import cn.huiyin.followup.domain.casefile.Solved;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.persistence.CaseFileBatches;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Jurisdiction;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * Follow-up's case files of a year, built through follow-up's own domain (as {@code follow-up} does) and stored in
 * follow-up's own document shape 500 at a time ({@link CaseFileBatches}: one durable write per batch instead
 * of one per case file and another per published event, which made 200,000 take hours on a loaded machine), relative to the instant {@code now} the stack will run at, so that the stack's supervision scan finds
 * (almost) nothing due when it starts:
 * <ul>
 *   <li>older than 10 days: resolved 3 days after submission, called back satisfied the day after, closed; the
 *       retaliation check done when its day (30 days after closure) is past;</li>
 *   <li>the last 10 days: signed for, first contact made, being handled (resolution due in 15 working days); every
 *       5th of those submitted 3 to 10 days ago resolved within the last day, waiting for its callback; every 100th
 *       with an extension request waiting for the organisation above;</li>
 *   <li>every 400th of those submitted 25 to 40 days ago never resolved: the supervision ladder run up to now (reminders,
 *       breach, yellow and red cards).</li>
 * </ul>
 * The lead organisations are the demo users' ({@code org-committee-online-delivery} of {@code org-handler}, 大面街道,
 * 龙泉街道) and others; the divisions mostly streets of 龙泉驿区 (510112, the supervisor's and leader's jurisdiction),
 * the rest elsewhere in 成都 (510100, the callback centre's).
 */
final class CaseFileSeeder {

    private static final OrganisationRef CITY = new OrganisationRef("org-city-swb", "成都市委社会工作部（两新工委）",
        "CITY_WORK_DEPARTMENT");
    private static final OrganisationRef DISTRICT = new OrganisationRef("org-district-lqy", "龙泉驿区委社会工作部",
        "DISTRICT");
    static final List<OrganisationRef> LEADS = List.of(
        new OrganisationRef("org-committee-online-delivery", "市网约配送行业党委", "INDUSTRY_COMMITTEE"),
        new OrganisationRef("org-street-damian", "大面街道党工委", "STREET"),
        new OrganisationRef("org-street-longquan", "龙泉街道党工委", "STREET"),
        new OrganisationRef("org-dept-hrss", "市人力资源和社会保障局", "MEMBER_DEPARTMENT"),
        new OrganisationRef("org-committee-express", "市快递行业党委", "INDUSTRY_COMMITTEE"));
    private static final Caller CALLBACK_CENTRE = new Caller("callback-agent", Set.of(Roles.CALLBACK_AGENT),
        "org-hotline-12345", Jurisdiction.of("510100"));
    private static final Duration YEAR = Duration.ofDays(300);

    private final CaseFileBatches store;
    private final WorkingTime time;
    private final List<String> divisions;
    private final ChinaCalendar calendar = ChinaCalendar.builtIn();

    CaseFileSeeder(CaseFileBatches store, WorkingTime time, List<String> divisions) {
        this.store = store;
        this.time = time;
        this.divisions = List.copyOf(divisions);
    }

    /** Stores {@code count} case files {@code HY-00000000 …} (the ids of {@link StoredGrievances}), oldest first. */
    void seed(int count, Instant now, int threads) throws Exception {
        AtomicInteger stored = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            work.add(pool.submit(() -> {
                List<CaseFile> batch = new ArrayList<>();
                for (int i = first; i < count; i += threads) {
                    Instant submitted = now.minus(YEAR.multipliedBy(count - i).dividedBy(count));
                    batch.add(caseFile(i, submitted, now));
                    if (batch.size() == 500 || i + threads >= count) {
                        store.insert(batch);
                        int n = stored.addAndGet(batch.size());
                        batch.clear();
                        if (n % 20_000 < 500) {
                            System.out.printf("  stored %,d case files (follow-up) in %.0f s%n", n,
                                (System.nanoTime() - started) / 1e9);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("  stored %,d case files (follow-up) in %.1f s%n", stored.get(),
            (System.nanoTime() - started) / 1e9);
    }

    private CaseFile caseFile(int i, Instant submitted, Instant now) {
        String id = "HY-" + String.format("%08d", i);
        OrganisationRef lead = LEADS.get(i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : 2 + i % 3);
        List<OrganisationRef> above = lead.type().equals("STREET") ? List.of(DISTRICT, CITY) : List.of(CITY);
        Hierarchy hierarchy = new Hierarchy(lead, above);
        Caller handler = new Caller("org-handler", Set.of(Roles.ORG_HANDLER), lead.id(), Jurisdiction.of("510100"));
        Instant responseDue = calendar.plusWorkingDays(submitted, 2, BusinessHours.STANDARD).instant();
        Instant resolutionDue = calendar.plusWorkingDays(submitted, 15, BusinessHours.STANDARD).instant();
        CaseFile file = CaseFile.open(id, submitted);
        file.submitted(submitted, "wk-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 24), "FOOD_DELIVERY_RIDER", "美团",
            divisions.get(StoredGrievances.skewed(new java.util.Random(i), divisions.size())), i % 20 == 0,
            "INJURY_INSURANCE", StoredGrievances.DESCRIPTION, time);
        file.assigned(new Handling(lead, List.of(), above, 1, submitted.plusSeconds(60), null, false),
            "INJURY_INSURANCE", "工伤与意外险理赔", "NORMAL", responseDue, resolutionDue, WorkingTime.OFFICE_HOURS, time);
        file.signedFor(lead.id(), 1, submitted.plusSeconds(600), time);
        Duration age = Duration.between(submitted, now);
        if (age.compareTo(Duration.ofDays(25)) > 0 && age.compareTo(Duration.ofDays(40)) < 0 && i % 400 == 0) {
            file.supervise(now, hierarchy, time);
            file.replan(time);
            return file;
        }
        Instant contacted = submitted.plus(Duration.ofHours(2));
        file.recordFirstContact(handler, contacted, ContactChannel.PHONE, "已电话联系职工", contacted, time);
        if (age.compareTo(Duration.ofDays(10)) > 0) {
            Instant resolved = submitted.plus(Duration.ofDays(3));
            file.resolve(handler, ResolutionKind.RESOLVED, null, new Remedy(120_000L, true, null, null, null, 1),
                List.of(), resolved, time);
            Instant calledBack = resolved.plus(Duration.ofDays(1));
            file.recordCallback(CALLBACK_CENTRE, CallbackOutcome.REACHED,
                new CallbackAttempt.Answers(Solved.YES, Satisfaction.SATISFIED, null, null), calledBack, hierarchy, time);
            Instant checked = calledBack.plus(Duration.ofDays(31));
            if (checked.isBefore(now)) {
                file.checkRetaliation(CALLBACK_CENTRE, CallbackOutcome.REACHED, false, List.of(), null, checked);
            }
        } else if (age.compareTo(Duration.ofDays(3)) > 0 && i % 5 == 0) {
            file.resolve(handler, ResolutionKind.RESOLVED, null, new Remedy(80_000L, null, null, null, null, 1),
                List.of(), now.minus(Duration.ofMinutes(i % 1_440)), time);
        } else if (i % 100 == 1) {
            file.requestExtension(handler, "需等待保险公司复核理赔材料", resolutionDue.plus(Duration.ofDays(10)),
                hierarchy, contacted.plus(Duration.ofHours(1)));
        }
        file.replan(time);
        return file;
    }
}
