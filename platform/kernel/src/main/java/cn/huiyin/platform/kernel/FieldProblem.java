package cn.huiyin.platform.kernel;

/**
 * One thing wrong with one field of a request, in Chinese and English.
 *
 * @param field   path of the field as the client sent it, e.g. {@code worker.mobile}
 * @param code    stable machine-readable code, e.g. {@code mobile.invalid}
 * @param message Chinese
 * @param messageEn English
 */
public record FieldProblem(String field, String code, String message, String messageEn) {
}
