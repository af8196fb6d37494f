package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The meeting's decision on one agenda item (会商意见): action items, or no action with the reason. Either way it
 * carries what the workers are told.
 *
 * @param reviewDate   when a later meeting checks that it worked; null when nothing is to be checked
 * @param grievanceIds every grievance the decision reaches, fixed when the meeting concludes; empty while a draft
 */
public record Decision(String agendaItemId, DecisionOutcome outcome, String messageToWorkers,
                       List<ActionItem> actionItems, LocalDate reviewDate, String decidedBy, Instant decidedAt,
                       List<String> grievanceIds) {

    public Decision {
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        grievanceIds = grievanceIds == null ? List.of() : List.copyOf(grievanceIds);
    }

    Decision withItems(UnaryOperator<ActionItem> change) {
        return new Decision(agendaItemId, outcome, messageToWorkers, actionItems.stream().map(change).toList(),
            reviewDate, decidedBy, decidedAt, grievanceIds);
    }

    Decision covering(List<String> grievances) {
        return new Decision(agendaItemId, outcome, messageToWorkers, actionItems, reviewDate, decidedBy, decidedAt,
            grievances);
    }

    /** Whether every action item is done or explained (vacuously so for no action). */
    public boolean isCarriedOut() {
        return actionItems.stream().noneMatch(ActionItem::isOpen);
    }
}
