package cn.huiyin.jointmeeting.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * A meeting's invitation as an iCalendar object (RFC 5545), written by hand: a VTIMEZONE for Asia/Shanghai (UTC+8,
 * no daylight saving since 1991) so calendar programs show the meeting at Beijing time wherever they are, lines folded
 * at 75 octets without splitting a character, text escaped, CRLF line ends. METHOD:PUBLISH because invitees have no
 * e-mail addresses here to reply to.
 */
final class InvitationCalendar {

    static final String TZID = "Asia/Shanghai";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private InvitationCalendar() {
    }

    static String of(JointMeeting meeting, Instant now) {
        JointMeeting.Details d = meeting.details();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Huiyin//Joint Meetings//ZH");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + TZID);
        lines.add("BEGIN:STANDARD");
        lines.add("DTSTART:19700101T000000");
        lines.add("TZOFFSETFROM:+0800");
        lines.add("TZOFFSETTO:+0800");
        lines.add("TZNAME:CST");
        lines.add("END:STANDARD");
        lines.add("END:VTIMEZONE");
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + meeting.id() + "@huiyin");
        lines.add("DTSTAMP:" + UTC.format(now));
        lines.add("DTSTART;TZID=" + TZID + ":" + LOCAL.format(d.startsAt().atZone(MeetingView.BEIJING)));
        lines.add("DTEND;TZID=" + TZID + ":" + LOCAL.format(d.endsAt().atZone(MeetingView.BEIJING)));
        lines.add("SEQUENCE:0");
        lines.add("STATUS:" + (meeting.isConcluded() ? "CONFIRMED" : "TENTATIVE"));
        lines.add("SUMMARY:" + text(d.title()));
        String place = Stream.of(d.place(), d.videoLink()).filter(v -> v != null).collect(Collectors.joining(" / "));
        lines.add("LOCATION:" + text(place));
        if (d.videoLink() != null) {
            lines.add("URL:" + d.videoLink());
        }
        lines.add("DESCRIPTION:" + text(description(meeting)));
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        return lines.stream().map(InvitationCalendar::fold).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String description(JointMeeting meeting) {
        JointMeeting.Details d = meeting.details();
        StringBuilder text = new StringBuilder();
        text.append("召集单位：").append(meeting.convener().name()).append('\n');
        text.append("受邀单位：").append(Stream.concat(d.invitedDepartments().stream(), d.invitedEnterprises().stream())
            .map(OrganisationRef::name).collect(Collectors.joining("、"))).append('\n');
        if (!d.workerRepresentatives().isEmpty()) {
            text.append("职工代表：").append(d.workerRepresentatives().stream().map(r -> r.label() + " " + r.count() + " 名")
                .collect(Collectors.joining("、"))).append('\n');
        }
        if (!meeting.agenda().isEmpty()) {
            text.append("议程：\n");
            int n = 1;
            for (AgendaItem item : meeting.agenda()) {
                text.append(n++).append(". ").append(item.title()).append('\n');
            }
        }
        text.append("会议编号：").append(meeting.id());
        return text.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines longer than 75 octets are folded: CRLF then a space, never inside a UTF-8 sequence. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
