package cn.huiyin.jointmeeting.domain.review;

import java.time.Instant;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/** A handling organisation's request for a joint review of a case it cannot solve alone (提请联席会商). */
public record Escalation(String grievanceId, OrganisationRef organisation, String by, String explanation, Instant at) {
}
