package cn.huiyin.jointmeeting.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.jointmeeting.domain.meeting.AgendaItemKind;
import cn.huiyin.jointmeeting.domain.meeting.EffectivenessCheck;

/**
 * A meeting's agenda (议程) as set now, replacing any earlier one: which review requests, and so which grievances, it
 * takes up, and which earlier decisions it checks. Key: the meeting id.
 */
public record AgendaSet(String meetingId, String meetingTitle, Instant startsAt, int agendaRevision, Instant setAt,
                        List<Item> items) {

    public record Item(String agendaItemId, AgendaItemKind kind, String title, List<String> reviewRequestIds,
                       List<String> grievanceIds, EffectivenessCheck effectivenessCheck) {
    }
}
