package cn.huiyin.platform.kernel;

import java.util.Objects;

/**
 * A business rule said no. Carries a stable code for machines and the reason in Chinese and English for people, so
 * the web layer can answer with a problem response without knowing the rule.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps it to an HTTP status. */
    public enum Kind {
        /** The request itself is wrong (400). */
        INVALID,
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** It exists, but lies outside the caller's jurisdiction or organisation (403). */
        FORBIDDEN,
        /** The request is fine but the current state forbids it, e.g. accepting a closed case (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    public DomainException(Kind kind, String code, String messageZh, String messageEn) {
        super(messageEn);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
        this.messageEn = Objects.requireNonNull(messageEn, "messageEn");
    }

    public static DomainException conflict(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.CONFLICT, code, messageZh, messageEn);
    }

    public static DomainException notFound(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.NOT_FOUND, code, messageZh, messageEn);
    }

    public static DomainException forbidden(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.FORBIDDEN, code, messageZh, messageEn);
    }

    public static DomainException invalid(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.INVALID, code, messageZh, messageEn);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
