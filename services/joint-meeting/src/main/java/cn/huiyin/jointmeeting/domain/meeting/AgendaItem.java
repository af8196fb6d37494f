package cn.huiyin.jointmeeting.domain.meeting;

import java.util.List;

/**
 * One item of a meeting's agenda (议题).
 *
 * @param grievanceIds the grievances of its review requests when the agenda was set; the decision covers those the
 *                     requests hold when the meeting concludes
 * @param category     what the grievances are about, for the later effectiveness check
 * @param divisionCode where, for the same
 */
public record AgendaItem(String agendaItemId, AgendaItemKind kind, String title, List<String> reviewRequestIds,
                         List<String> grievanceIds, String category, String divisionCode,
                         EffectivenessCheck effectivenessCheck) {

    public AgendaItem {
        reviewRequestIds = reviewRequestIds == null ? List.of() : List.copyOf(reviewRequestIds);
        grievanceIds = grievanceIds == null ? List.of() : List.copyOf(grievanceIds);
    }

    AgendaItem withId(String id) {
        return new AgendaItem(id, kind, title, reviewRequestIds, grievanceIds, category, divisionCode, effectivenessCheck);
    }
}
