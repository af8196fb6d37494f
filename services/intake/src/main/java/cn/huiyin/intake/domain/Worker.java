package cn.huiyin.intake.domain;

import java.util.Objects;

/**
 * The worker who brings the grievance. Name, mobile and resident ID are personal data: they stay in intake and never
 * travel in events; other services know the worker only by {@code workerRef}.
 *
 * @param residentId optional 18-character resident ID number
 */
public record Worker(String name, String mobile, String residentId, WorkerGroup group, String platformOrEmployer,
                     String homeStation) {

    public Worker {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(group, "group");
    }

    /** The last four digits of the mobile number, which the worker quotes to follow the case. */
    public String mobileLastFour() {
        return mobile.substring(mobile.length() - 4);
    }
}
