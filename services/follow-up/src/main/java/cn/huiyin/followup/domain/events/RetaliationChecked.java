package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.RetaliationKind;

/**
 * 打击报复回访: 30 days after closure the callback centre asked whether the worker met retaliation. With
 * {@code reported = true} intake files a new, linked, urgent grievance for the same worker from this event, so it
 * carries what that needs: the original grievance, the worker's pseudonym and group, the place, the firm and what the
 * worker reported. Published as {@code cn.huiyin.followup.RetaliationChecked.v1}.
 *
 * @param reached  whether the worker was reached (three failed attempts end the check unreached)
 * @param account  what the worker said happened, as the agent recorded it
 */
public record RetaliationChecked(String grievanceId, Instant checkedAt, boolean reached, boolean reported,
                                 List<RetaliationKind> kinds, String account, String workerRef, String workerGroup,
                                 String divisionCode, String category, String platformOrEmployer, boolean confidential,
                                 OrganisationRef organisation, Instant closedAt, String suggestedUrgency) {
}
