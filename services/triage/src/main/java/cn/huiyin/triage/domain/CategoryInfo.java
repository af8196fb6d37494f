package cn.huiyin.triage.domain;

import java.util.Objects;

/** A grievance category (诉求分类) as triage uses it: code, names and scope. */
public record CategoryInfo(String code, String nameZh, String nameEn, CategoryScope scope) {

    public CategoryInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(scope, "scope");
    }
}
