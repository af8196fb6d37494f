package cn.huiyin.intake.application.open311;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.TrackingNumber;

/**
 * What an Open311 client may read: the grievances it filed itself (its recorder, {@code open311:<client>}, is part of
 * every query), and the tokens of those grievances. Anything else, including another client's grievance, is as if
 * it did not exist.
 */
public class ClientRequests {

    private final Grievances grievances;
    private final RequestTokens tokens;

    public ClientRequests(Grievances grievances, RequestTokens tokens) {
        this.grievances = grievances;
        this.tokens = tokens;
    }

    /** One grievance the client filed. */
    public Optional<Grievance> filedBy(String recorder, String trackingNumber) {
        if (!TrackingNumber.isWellFormed(trackingNumber)) {
            return Optional.empty();
        }
        return grievances.find(trackingNumber).filter(g -> g.submission().recordedBy() != null
            && recorder.equals(g.submission().recordedBy().staffId()));
    }

    /** Those of the given grievances the client filed, newest first. */
    public List<Grievance> filedBy(String recorder, Collection<String> trackingNumbers) {
        return grievances.recordedBy(recorder, trackingNumbers);
    }

    /** The client's grievances submitted in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Grievance> filedBy(String recorder, Collection<String> categories, Collection<GrievanceStatus> statuses,
                                   Instant from, Instant to, int limit) {
        return grievances.recordedBy(recorder, categories, statuses, from, to, limit);
    }

    public String token(String trackingNumber, String client) {
        return tokens.issue(trackingNumber, client);
    }

    public Optional<String> trackingNumberOf(String token, String client) {
        return tokens.trackingNumber(token, client);
    }
}
