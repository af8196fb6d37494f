package cn.huiyin.triage.application.rules;

import java.util.List;
import java.util.Map;

import cn.huiyin.triage.domain.ClassificationRules;
import cn.huiyin.triage.domain.DeadlinePolicy;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.RoutingRules;

/**
 * Where triage's rule files and the registry file come from: a directory an operator configures, each file falling
 * back to the one packaged with triage.
 */
public interface RuleSource {

    /** Reads every file; a file that cannot be read or bound is reported, never thrown, so all are checked at once. */
    Files read();

    /**
     * The files as read, each null when it could not be read.
     *
     * @param rulesFingerprint    changes whenever a rule file changes
     * @param registryFingerprint changes whenever the registry file changes
     * @param origins             file name → where it was read from (a path, or "classpath:…")
     * @param problems            what is wrong, each naming its file
     */
    record Files(ClassificationRules classification, RoutingRules routing, DeadlinePolicy deadlines,
                 List<Organisation> organisations, String rulesFingerprint, String registryFingerprint,
                 Map<String, String> origins, List<Problem> problems) {

        public Files {
            origins = Map.copyOf(origins);
            problems = List.copyOf(problems);
        }
    }

    /** A mistake in one file. */
    record Problem(String file, String message) {
    }

    String CLASSIFICATION = "classification.json";
    String ROUTING = "routing.json";
    String DEADLINES = "deadlines.json";
    String ORGANISATIONS = "organisations.json";
}
