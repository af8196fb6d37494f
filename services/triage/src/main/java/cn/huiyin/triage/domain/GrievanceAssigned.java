package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;

/**
 * A case was assigned to a lead organisation (派单), with what the next services need: who leads and who co-handles,
 * category, urgency, joint review, the two deadlines, the rule that matched and the attempt number. Published as
 * {@code cn.huiyin.triage.GrievanceAssigned.v1}.
 *
 * @param previousOrganisation the organisation that had it before (after a return, a ruling or an override)
 * @param calendarWarnings     the calendar's doubts about the deadlines, in Chinese and English
 */
public record GrievanceAssigned(String grievanceId, Instant assignedAt, int attempt, AssignmentBasis basis,
                                OrganisationRef organisation, List<OrganisationRef> coHandlers, String category,
                                String categoryName, Urgency urgency, boolean needsJointReview,
                                Instant responseDueAt, Instant resolutionDueAt, String deadlinePolicy, RuleRef rule,
                                List<RuleRef> coHandlingRules, boolean binding, OrganisationRef previousOrganisation,
                                int returnCount, List<String> calendarWarnings) {
}
