package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * Follow-up's word that an action item is done (办结) or explained (说明), as joint-meeting keeps it.
 *
 * @param outcome DONE or EXPLAINED
 */
public record Completion(String outcome, String result, int evidenceCount, OrganisationRef organisation,
                         Instant completedAt) {
}
