package cn.huiyin.triage.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How the rules look for a word or phrase in a description. A plain term must occur as written ("井盖缺失"). A term
 * with {@value #GAP} between its parts matches the parts in that order within one clause, a few characters apart:
 * "差点…摔" finds 差点摔倒, 差点摔进去, 差点被电动车撞摔; "随时可能…掉" finds 随时可能会掉下来. That is how officials write
 * such rules on paper, and it spares listing every way of saying the same thing.
 */
public final class Phrase {

    /** Separates the parts of a phrase. */
    public static final String GAP = "…";

    /** At most this many characters between two parts, none of them ending a clause. */
    static final int MAX_GAP = 8;

    private static final String BETWEEN = "[^。！？!?；;，,、\\n]{0," + MAX_GAP + "}";
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Phrase() {
    }

    /** Whether {@code term} occurs in {@code text}. */
    public static boolean occursIn(String term, String text) {
        if (text == null || term == null || term.isBlank()) {
            return false;
        }
        if (!term.contains(GAP)) {
            return text.contains(term);
        }
        return COMPILED.computeIfAbsent(term, Phrase::compile).matcher(text).find();
    }

    /** {@code text} with every occurrence of {@code phrase} blanked out (for phrases that must not count). */
    static String without(String text, String phrase) {
        if (!phrase.contains(GAP)) {
            return text.replace(phrase, " ");
        }
        return COMPILED.computeIfAbsent(phrase, Phrase::compile).matcher(text).replaceAll(" ");
    }

    /** The term with the ways people type a gap ("……", "...") written as {@value #GAP}. */
    static String normalise(String term) {
        return term == null ? null : term.replace("……", GAP).replace("...", GAP).strip();
    }

    /** Whether the term is well formed: no empty part. */
    static boolean isWellFormed(String term) {
        if (term == null || term.isBlank()) {
            return false;
        }
        for (String part : term.split(GAP, -1)) {
            if (part.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Pattern compile(String term) {
        StringBuilder regex = new StringBuilder();
        String[] parts = term.split(GAP, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(BETWEEN);
            }
            regex.append(Pattern.quote(parts[i].strip()));
        }
        return Pattern.compile(regex.toString());
    }
}
