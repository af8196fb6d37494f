package cn.huiyin.platform.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/** Format checks for the identifiers Chinese forms ask for. */
public final class ChinaIdentifiers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level codes (GB/T 2260), the first two digits of a resident ID and a division code. */
    private static final Set<String> PROVINCES = Set.of(
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82");

    private ChinaIdentifiers() {
    }

    /** A mainland China mobile number: 11 digits, starting 13 to 19. */
    public static boolean isMainlandMobile(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }

    /**
     * An 18-character resident identity number (GB 11643-1999): a province code, a real birth date not after
     * {@code today}, and the ISO 7064 MOD 11-2 check character (an upper-case X stands for 10).
     */
    public static boolean isResidentIdNumber(String value, LocalDate today) {
        if (value == null || !RESIDENT_ID.matcher(value).matches() || !PROVINCES.contains(value.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return value.charAt(17) == CHECK_CHARACTERS[sum % 11];
    }

    /**
     * {@code 138********}: the carrier prefix only. The last four digits are not shown: they once opened the worker's
     * self-service, and whatever staff see must never add up to something that lets them act as the worker.
     */
    public static String maskMobile(String mobile) {
        if (mobile == null) {
            return null;
        }
        return mobile.length() < 7 ? "*".repeat(mobile.length()) : mobile.substring(0, 3) + "*".repeat(mobile.length() - 3);
    }

    /** {@code 李*}, {@code 欧**}: the first character (usually the surname) and one star per further character. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int count = name.codePointCount(0, name.length());
        if (count == 1) {
            return "*";
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(count - 1);
    }

    /** {@code 110105********123X}: region and the last four characters only. */
    public static String maskResidentId(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "********";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
