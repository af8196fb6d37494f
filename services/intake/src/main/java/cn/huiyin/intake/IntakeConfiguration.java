package cn.huiyin.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.EvidenceStore;
import cn.huiyin.intake.application.FollowFollowUp;
import cn.huiyin.intake.application.FollowTriage;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.ReturningWorkers;
import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.IdempotencyKeys;
import cn.huiyin.intake.application.QueryCodes;
import cn.huiyin.intake.application.StaffActions;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.application.ledger.ImportLedger;
import cn.huiyin.intake.application.TrackingNumbers;
import cn.huiyin.intake.application.WorkerPseudonyms;
import cn.huiyin.intake.application.housekeeping.KeyRotation;
import cn.huiyin.intake.application.housekeeping.PersonalDataRetention;
import cn.huiyin.intake.application.housekeeping.ScheduledRuns;
import cn.huiyin.intake.application.open311.ClientRequests;
import cn.huiyin.intake.application.open311.RequestTokens;
import cn.huiyin.intake.application.selfservice.SelfServiceAttempts;
import cn.huiyin.intake.application.selfservice.SelfServiceRules;
import cn.huiyin.intake.application.selfservice.WorkerSelfService;
import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.security.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires intake's use cases, which are plain Java, to their adapters; schedules the retention rule every night and the
 * re-encryption after a key rotation, each run by one instance among the replicas.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeConfiguration {

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.load();
    }

    @Bean
    WorkerPseudonyms workerPseudonyms(@Value("${huiyin.intake.worker-ref-key}") String key) {
        return new WorkerPseudonyms(key);
    }

    @Bean
    QueryCodes queryCodes(@Value("${huiyin.intake.query-code-key}") String key) {
        return new QueryCodes(key);
    }

    @Bean
    SubmitGrievance submitGrievance(Grievances grievances, TrackingNumbers trackingNumbers,
                                    IdempotencyKeys idempotencyKeys, WorkerPseudonyms pseudonyms, QueryCodes queryCodes,
                                    ReferenceData referenceData, Clock clock) {
        return new SubmitGrievance(grievances, trackingNumbers, idempotencyKeys, pseudonyms, queryCodes, referenceData,
            clock);
    }

    @Bean
    ImportLedger importLedger(SubmitGrievance submit, Clock clock) {
        return new ImportLedger(submit, clock);
    }

    @Bean
    GrievanceQueries grievanceQueries(Grievances grievances, EvidenceStore evidence, AuditTrail auditTrail) {
        return new GrievanceQueries(grievances, evidence, auditTrail);
    }

    @Bean
    ReturningWorkers returningWorkers(Grievances grievances, WorkerPseudonyms pseudonyms, AuditTrail auditTrail) {
        return new ReturningWorkers(grievances, pseudonyms, auditTrail);
    }

    @Bean
    StaffActions staffActions(GrievanceQueries queries, Grievances grievances, Clock clock) {
        return new StaffActions(queries, grievances, clock);
    }

    @Bean
    SelfServiceRules selfServiceRules(
        @Value("${huiyin.intake.self-service.failures-per-tracking-number}") int perTrackingNumber,
        @Value("${huiyin.intake.self-service.failures-per-client}") int perClient,
        @Value("${huiyin.intake.self-service.forget-after}") Duration forgetAfter,
        @Value("${huiyin.intake.self-service.lock-for}") Duration lockFor,
        @Value("${huiyin.intake.self-service.max-lock}") Duration maxLock,
        @Value("${huiyin.intake.self-service.legacy-mobile-until:}") LocalDate legacyMobileUntil) {
        return new SelfServiceRules(perTrackingNumber, perClient, forgetAfter, lockFor, maxLock, legacyMobileUntil);
    }

    @Bean
    WorkerSelfService workerSelfService(Grievances grievances, QueryCodes queryCodes, SelfServiceAttempts attempts,
                                        SelfServiceRules rules, Clock clock) {
        return new WorkerSelfService(grievances, queryCodes, attempts, rules, clock);
    }

    @Bean
    AttachEvidence attachEvidence(Grievances grievances, EvidenceStore store, Clock clock) {
        return new AttachEvidence(grievances, store, clock);
    }

    @Bean
    FollowTriage followTriage(Grievances grievances) {
        return new FollowTriage(grievances);
    }

    @Bean
    FollowFollowUp followFollowUp(Grievances grievances, SubmitGrievance submit) {
        return new FollowFollowUp(grievances, submit);
    }

    @Bean
    ClientRequests clientRequests(Grievances grievances, RequestTokens tokens) {
        return new ClientRequests(grievances, tokens);
    }

    @Bean
    PersonalDataRetention personalDataRetention(Grievances grievances, EvidenceStore evidence,
                                                IdempotencyKeys idempotencyKeys, SelfServiceAttempts attempts,
                                                ScheduledRuns runs,
                                                @Value("${huiyin.intake.retention.personal-data-after-closure}") Duration keepFor,
                                                @Value("${huiyin.intake.self-service.receipt-replay-window}") Duration replayWindow,
                                                Clock clock) {
        return new PersonalDataRetention(grievances, evidence, idempotencyKeys, attempts, runs, keepFor, replayWindow,
            clock);
    }

    @Bean
    KeyRotation keyRotation(Grievances grievances, FieldCipher cipher) {
        return new KeyRotation(grievances, cipher.activeKeyId());
    }

    @Bean
    Housekeeping housekeeping(PersonalDataRetention retention, KeyRotation rotation, ScheduledRuns runs, Clock clock) {
        return new Housekeeping(retention, rotation, runs, clock);
    }

    /** The schedules; every instance has them, one instance runs each (ScheduledRuns). */
    static class Housekeeping {
        private final String instance = UUID.randomUUID().toString();
        private final PersonalDataRetention retention;
        private final KeyRotation rotation;
        private final ScheduledRuns runs;
        private final Clock clock;

        Housekeeping(PersonalDataRetention retention, KeyRotation rotation, ScheduledRuns runs, Clock clock) {
            this.retention = retention;
            this.rotation = rotation;
            this.runs = runs;
            this.clock = clock;
        }

        /** Nightly, when the windows are closed. */
        @Scheduled(cron = "${huiyin.intake.retention.cron}", zone = "Asia/Shanghai")
        void retention() {
            retention.runScheduled(instance);
        }

        /** Hourly: after a rotation, old values are re-encrypted within the hour, in small batches. */
        @Scheduled(cron = "${huiyin.intake.key-rotation.cron}", zone = "Asia/Shanghai")
        void keyRotation() {
            if (runs.claim("key-rotation@" + clock.instant().truncatedTo(ChronoUnit.HOURS), instance)) {
                rotation.run();
            }
        }
    }
}
