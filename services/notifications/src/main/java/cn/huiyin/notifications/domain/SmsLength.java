package cn.huiyin.notifications.domain;

/**
 * How many SMS a text takes. Chinese text travels as UCS-2: one message holds 70 characters; a longer text is split
 * into parts of 67, each part giving 3 characters to the concatenation header (what Chinese carriers bill).
 */
public final class SmsLength {

    public static final int SINGLE = 70;
    public static final int PART = 67;
    /** More parts than this is no longer a text message but a letter: refused at preview, flagged by the template test. */
    public static final int MAX_SEGMENTS = 3;

    private SmsLength() {
    }

    public static int segments(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= SINGLE) {
            return 1;
        }
        return (length + PART - 1) / PART;
    }
}
