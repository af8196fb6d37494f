package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.ContactChannel;

/**
 * 先行联系: the handling organisation contacted the worker; the response clock stops. Published as
 * {@code cn.huiyin.followup.FirstResponseRecorded.v1}.
 *
 * @param workingMinutes working time from submission to the contact
 * @param stage          the worker-facing stage now ({@code CONTACTED})
 */
public record FirstResponseRecorded(String grievanceId, OrganisationRef organisation, Instant contactedAt,
                                    ContactChannel channel, Instant responseDueAt, boolean withinLimit,
                                    long workingMinutes, long clockMinutes, Instant recordedAt, String stage) {
}
