package cn.huiyin.triage.domain;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how many workers a description says are affected: "12名骑手", "十几位快递员", "三十多个司机", "上百名". A
 * number only counts next to a word for people, so "相差15分钟" or "两个月" are not mistaken for a crowd.
 */
public final class WorkersAffected {

    private static final String NUMBER = "(\\d+|[零一二两三四五六七八九十百几]+)";
    private static final String ABOUT = "\\s*(?:多|余|来|几)?\\s*";
    private static final String PEOPLE = "(?:人|骑手|快递员|快递小哥|外卖员|外卖小哥|配送员|司机|师傅|工人|员工|主播|小哥|零工)";
    private static final Pattern WITH_MEASURE = Pattern.compile(NUMBER + ABOUT + "(?:名|位)");
    private static final Pattern WITH_NOUN = Pattern.compile(NUMBER + ABOUT + "个?\\s*" + PEOPLE);
    private static final Pattern HUNDREDS = Pattern.compile("上百|数百|成百");

    private WorkersAffected() {
    }

    /** The largest head count the text mentions, if any. */
    public static OptionalInt in(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        int best = -1;
        for (Pattern pattern : List.of(WITH_MEASURE, WITH_NOUN)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                best = Math.max(best, parse(matcher.group(1)));
            }
        }
        if (HUNDREDS.matcher(text).find()) {
            best = Math.max(best, 100);
        }
        return best > 0 ? OptionalInt.of(best) : OptionalInt.empty();
    }

    /** Arabic digits, or Chinese numerals up to the hundreds; 几 reads as a modest 3 (十几 = 13, 几十 = 30). */
    static int parse(String number) {
        if (number.chars().allMatch(Character::isDigit)) {
            return number.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(number);
        }
        int total = 0;
        int current = 0;
        for (char c : number.toCharArray()) {
            switch (c) {
                case '百' -> {
                    total += Math.max(current, 1) * 100;
                    current = 0;
                }
                case '十' -> {
                    total += Math.max(current, 1) * 10;
                    current = 0;
                }
                default -> current = digit(c);
            }
        }
        return total + current;
    }

    private static int digit(char c) {
        return switch (c) {
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三', '几' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> 0;
        };
    }
}
