package cn.huiyin.followup.application;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * Triage's assignment of a grievance, as follow-up needs it.
 *
 * @param ancestors the organisations above the lead, nearest first, when triage named them (optional)
 */
public record AssignedGrievance(Instant assignedAt, int attempt, OrganisationRef lead, List<OrganisationRef> ancestors,
                                List<OrganisationRef> coHandlers, String category, String categoryName, String urgency,
                                Instant responseDueAt, Instant resolutionDueAt) {
}
