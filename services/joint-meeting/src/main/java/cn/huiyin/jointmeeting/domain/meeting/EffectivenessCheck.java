package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;

/**
 * Whether an earlier decision worked (成效评估): complaints of its category in its place in the window before the
 * decision, against the same window after it, as counted when the check was put on the agenda.
 *
 * @param decidedAt    when the earlier meeting took the decision (its start)
 * @param divisionCode the place counted: a street, or a district
 * @param complete     whether the whole window after the decision had passed when counted
 */
public record EffectivenessCheck(String meetingId, String agendaItemId, Instant decidedAt, String category,
                                 String divisionCode, int windowDays, long before, long after, boolean complete,
                                 Instant countedAt) {

    /** The change in complaints, in per cent of those before (-70 = fell by 70 %); null when there were none before. */
    public Integer changePercent() {
        if (before == 0) {
            return null;
        }
        return (int) Math.round((after - before) * 100.0 / before);
    }
}
