package cn.huiyin.triage.domain;

import java.util.Objects;

/**
 * Which rule decided something, and why, in words a triage officer or an organisation handler can read. Every
 * classification, urgency, routing and deadline decision carries one, so nobody has to guess why a case went where it
 * went.
 *
 * @param id stable rule id from the rules files, or {@code manual} for an officer's decision
 */
public record RuleRef(String id, String descriptionZh, String descriptionEn) {

    public RuleRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(descriptionZh, "descriptionZh");
        Objects.requireNonNull(descriptionEn, "descriptionEn");
    }
}
