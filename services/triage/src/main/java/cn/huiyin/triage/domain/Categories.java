package cn.huiyin.triage.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.platform.kernel.DomainException;

/** The category taxonomy (shared reference data), looked up by code. */
public final class Categories {

    /** The catch-all category a grievance gets when no rule recognises it. */
    public static final String OTHER = "OTHER";

    private final Map<String, CategoryInfo> byCode = new LinkedHashMap<>();

    public Categories(Collection<CategoryInfo> categories) {
        categories.forEach(category -> byCode.put(category.code(), category));
        if (!byCode.containsKey(OTHER)) {
            throw new IllegalArgumentException("The taxonomy needs the catch-all category " + OTHER);
        }
    }

    public Optional<CategoryInfo> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The category, or a 400 naming the unknown code. */
    public CategoryInfo require(String code) {
        return find(code).orElseThrow(() -> DomainException.invalid("category.unknown",
            "没有诉求分类 " + code + "（见 GET /api/triage/rules）", "Unknown category " + code + " (see GET /api/triage/rules)"));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    public List<CategoryInfo> all() {
        return List.copyOf(byCode.values());
    }
}
