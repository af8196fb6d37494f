package cn.huiyin.followup.domain.casefile;

import java.util.Objects;

/**
 * A reference to evidence kept elsewhere (intake's evidence store, a document number), never the file itself.
 *
 * @param reference e.g. {@code intake-evidence:5f2c…} or {@code 理赔单号 PA2026112100031}
 */
public record EvidenceRef(String reference, String description) {

    public EvidenceRef {
        Objects.requireNonNull(reference, "reference");
    }
}
