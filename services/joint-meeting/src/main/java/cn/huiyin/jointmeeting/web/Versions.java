package cn.huiyin.jointmeeting.web;

import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;

/**
 * A meeting's version as an HTTP entity tag: {@code "7"}. A client sends it back in If-Match so that a change based on
 * what it read cannot silently overwrite someone else's change made since.
 */
final class Versions {

    private Versions() {
    }

    static String etag(JointMeeting meeting) {
        return "\"" + meeting.version() + "\"";
    }

    /** The version If-Match names; null when absent or {@code *} (any version); a malformed tag matches none. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "").strip();
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notOurs) {
            return -1L;
        }
    }
}
