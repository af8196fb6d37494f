package cn.huiyin.intake;

import java.time.Clock;
import java.time.Duration;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.EvidenceStore;
import cn.huiyin.intake.application.FollowTriage;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.IdempotencyKeys;
import cn.huiyin.intake.application.PersonalDataRetention;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.application.TrackingNumbers;
import cn.huiyin.intake.application.WorkerPseudonyms;
import cn.huiyin.intake.application.WorkerSelfService;
import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.ratelimit.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires intake's use cases, which are plain Java, to their adapters; runs the retention rule every night. */
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
    SubmitGrievance submitGrievance(Grievances grievances, TrackingNumbers trackingNumbers,
                                    IdempotencyKeys idempotencyKeys, WorkerPseudonyms pseudonyms,
                                    ReferenceData referenceData, Clock clock) {
        return new SubmitGrievance(grievances, trackingNumbers, idempotencyKeys, pseudonyms, referenceData, clock);
    }

    @Bean
    GrievanceQueries grievanceQueries(Grievances grievances, AuditTrail auditTrail) {
        return new GrievanceQueries(grievances, auditTrail);
    }

    @Bean
    WorkerSelfService workerSelfService(Grievances grievances, RateLimits rateLimits, Clock clock) {
        return new WorkerSelfService(grievances, rateLimits, clock);
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
    PersonalDataRetention personalDataRetention(Grievances grievances,
                                                @Value("${huiyin.intake.retention.personal-data-after-closure}") Duration keepFor,
                                                Clock clock) {
        return new PersonalDataRetention(grievances, keepFor, clock);
    }

    @Bean
    RetentionSchedule retentionSchedule(PersonalDataRetention retention) {
        return new RetentionSchedule(retention);
    }

    /** Nightly, when the windows are closed. */
    static class RetentionSchedule {
        private final PersonalDataRetention retention;

        RetentionSchedule(PersonalDataRetention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${huiyin.intake.retention.cron}", zone = "Asia/Shanghai")
        void run() {
            retention.run();
        }
    }
}
