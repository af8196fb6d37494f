package cn.huiyin.intake;

import java.time.Clock;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.application.TrackingNumbers;
import cn.huiyin.intake.application.WorkerPseudonyms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires intake's use cases, which are plain Java, to their adapters. */
@Configuration(proxyBeanMethods = false)
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
    SubmitGrievance submitGrievance(Grievances grievances, TrackingNumbers trackingNumbers, WorkerPseudonyms pseudonyms,
                                    ReferenceData referenceData, Clock clock) {
        return new SubmitGrievance(grievances, trackingNumbers, pseudonyms, referenceData, clock);
    }

    @Bean
    GrievanceQueries grievanceQueries(Grievances grievances) {
        return new GrievanceQueries(grievances);
    }
}
