package cn.huiyin.jointmeeting.domain.meeting;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * Who came (出席情况): an invited organisation, or a group of worker representatives by its label.
 *
 * @param note e.g. the role of a delegate (委托副局长出席); never a worker's name
 */
public record Attendance(OrganisationRef organisation, String representative, AttendanceStatus status, String note) {
}
