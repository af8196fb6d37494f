package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.followup.domain.supervision.EscalationTrigger;
import cn.huiyin.followup.domain.supervision.Recipient;

/**
 * 督办: a case or action item was escalated — by the ladder (yellow card at breach, red card at twice the limit), by a
 * supervisor's own 督办, or because the worker stayed dissatisfied after reopens. Published as
 * {@code cn.huiyin.followup.SupervisionEscalated.v1}.
 *
 * @param supervisionId unique key: the ladder's step id, or the manual supervision's id
 * @param limit         the limit concerned (a manual 督办: its reply limit); null for reopen escalations
 * @param organisation  the organisation supervised (承办单位)
 * @param escalatedTo   the organisation that now supervises; null when the registry does not know who is above
 * @param instructions  a manual 督办's instructions
 * @param replyDueAt    a manual 督办's reply deadline
 * @param by            the supervisor, or {@code system}
 */
public record SupervisionEscalated(String grievanceId, String actionItemId, String supervisionId,
                                   EscalationTrigger trigger, Card card, LimitRef limit, OrganisationRef organisation,
                                   OrganisationRef escalatedTo, List<Recipient> recipients, String instructions,
                                   Instant replyDueAt, Integer reopenCount, Instant escalatedAt, String by) {
}
