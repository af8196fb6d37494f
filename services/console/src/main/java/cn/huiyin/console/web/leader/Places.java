package cn.huiyin.console.web.leader;

import java.util.List;

import cn.huiyin.console.application.ReferenceData;
import cn.huiyin.console.web.ConsoleUser;

/** The divisions a leader may narrow the dashboard to: their jurisdiction and everything below it (区划筛选). */
final class Places {

    private final ReferenceData reference;

    Places(ReferenceData reference) {
        this.reference = reference;
    }

    /** Below the viewer's jurisdiction, by division-code prefix; none for a viewer without one. */
    List<ReferenceData.Choice> within(ConsoleUser viewer) {
        String jurisdiction = viewer == null ? null : viewer.jurisdiction();
        if (jurisdiction == null || jurisdiction.isBlank()) {
            return List.of();
        }
        String prefix = significant(jurisdiction.strip());
        return reference.divisions().stream()
            .filter(d -> d.code().startsWith(prefix) && !d.code().equals(jurisdiction.strip())).toList();
    }

    /** A city code {@code 510100} covers every {@code 5101…}: its trailing zero pairs name no level. */
    private static String significant(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }
}
