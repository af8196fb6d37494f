package cn.huiyin.triage.application.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.triage.application.OrganisationAdmin;
import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.application.Registry;
import cn.huiyin.triage.application.RegistryCheck;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.Classifier;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.Router;
import cn.huiyin.triage.domain.SpringFestival;

/**
 * Loads triage's rules (classification, routing, deadlines) and its registry file, checked as a whole: every file
 * readable and well formed, the rules consistent with the reference data and with each other, the routing rules'
 * organisations present in the registry that will be in force. Only a set without a single mistake replaces the rules
 * in force; otherwise the previous set stays and every mistake is reported, naming its file. At start-up a mistake
 * stops triage.
 *
 * <p>The registry file fills an empty store, and is loaded again as a whole (replacing edits made through the API)
 * only when the file itself changes. A store filled before files were fingerprinted keeps its edits.
 */
public class RuleLoading {

    /**
     * What a load did.
     *
     * @param applied        the new rules are in force
     * @param registryLoaded the registry file was loaded into the store
     */
    public record Outcome(boolean applied, boolean registryLoaded, String fingerprint, Map<String, String> origins,
                          List<FieldProblem> problems) {
    }

    private final RuleSource source;
    private final RuleBook book;
    private final Categories categories;
    private final DivisionTree divisions;
    private final SpringFestival springFestival;
    private final OrganisationStore store;
    private final Registry registry;
    private final RegistryCheck check;
    private final OrganisationAdmin admin;
    private final Clock clock;
    private volatile String lastSeen;

    /** @param admin the registry's editor: a registry file is loaded like an administrator's whole-registry load */
    public RuleLoading(RuleSource source, RuleBook book, Categories categories, DivisionTree divisions,
                       SpringFestival springFestival, OrganisationStore store, Registry registry, RegistryCheck check,
                       OrganisationAdmin admin, Clock clock) {
        this.source = source;
        this.book = book;
        this.categories = categories;
        this.divisions = divisions;
        this.springFestival = springFestival;
        this.store = store;
        this.registry = registry;
        this.check = check;
        this.admin = admin;
        this.clock = clock;
    }

    /** Marks a registry file whose loading began; it becomes the file's fingerprint once the load is done. */
    static final String UNFINISHED = "unfinished ";

    /** At start-up: the files must be right, or triage does not start. */
    public Outcome loadAtStartUp() {
        Outcome outcome = reload();
        if (!outcome.applied()) {
            throw new IllegalStateException("Triage's rule or registry files have mistakes; nothing was loaded:\n  - "
                + outcome.problems().stream().map(p -> p.field() + ": " + p.messageEn())
                    .collect(Collectors.joining("\n  - ")));
        }
        return outcome;
    }

    /** Loads the files again if any changed since they were last read (for a watch on the rules directory). */
    public Optional<Outcome> reloadIfChanged() {
        RuleSource.Files files = source.read();
        if (fingerprint(files).equals(lastSeen)) {
            return Optional.empty();
        }
        return Optional.of(load(files));
    }

    /** Loads the files as they are now. */
    public Outcome reload() {
        return load(source.read());
    }

    private synchronized Outcome load(RuleSource.Files files) {
        lastSeen = fingerprint(files);
        List<FieldProblem> problems = new ArrayList<>();
        files.problems().forEach(p -> problems.add(problem(p.file(), p.message())));
        Classifier classifier = null;
        if (files.classification() != null) {
            try {
                classifier = new Classifier(files.classification(), categories, springFestival);
            } catch (IllegalArgumentException e) {
                problems.add(problem(RuleSource.CLASSIFICATION, e.getMessage()));
            }
        }
        Router router = null;
        if (files.routing() != null) {
            try {
                router = new Router(files.routing(), categories, divisions);
            } catch (IllegalArgumentException e) {
                problems.add(problem(RuleSource.ROUTING, e.getMessage()));
            }
        }
        if (files.deadlines() != null) {
            try {
                files.deadlines().checkCovers(categories);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(problem(RuleSource.DEADLINES, e.getMessage()));
            }
        }
        Optional<String> appliedFile = store.appliedFile();
        boolean loadRegistry = files.organisations() != null && (registry.current().all().isEmpty()
            || appliedFile.isPresent() && !appliedFile.get().equals(files.registryFingerprint()));
        if (router != null) {
            if (loadRegistry) {
                problems.addAll(check.ofRegistry(files.organisations(), router, RuleSource.ORGANISATIONS));
            } else {
                List<String> unknown = router.unknownOrganisations(registry.current());
                if (!unknown.isEmpty()) {
                    problems.add(problem(RuleSource.ROUTING, "names organisations the registry lacks: " + unknown));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(false, false, book.currentOrNull(), files.origins(), problems);
        }
        if (loadRegistry) {
            // A load cut short (the process stopped half-way through the registry) leaves a mark no file matches,
            // so the next start loads the whole file again instead of checking the rules against half a registry.
            String unfinished = UNFINISHED + files.registryFingerprint();
            store.recordAppliedFile(appliedFile.orElse(null), unfinished);
            admin.replaceAll(files.organisations(), router);
            store.recordAppliedFile(unfinished, files.registryFingerprint());
        } else if (appliedFile.isEmpty()) {
            store.recordAppliedFile(null, files.registryFingerprint());
        }
        book.install(new RuleBook.Rules(classifier, router, files.deadlines(), files.rulesFingerprint(), files.origins(),
            clock.instant()));
        return new Outcome(true, loadRegistry, files.rulesFingerprint(), files.origins(), List.of());
    }

    private static String fingerprint(RuleSource.Files files) {
        return files.rulesFingerprint() + "|" + files.registryFingerprint();
    }

    private static FieldProblem problem(String file, String message) {
        return new FieldProblem(file, "rules.invalid", "规则文件有误：" + message, message);
    }
}
