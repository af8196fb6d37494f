package cn.huiyin.console.application;

/** One bad field as a service named it (its JSON path), in Chinese and English. */
public record FieldMessage(String field, String messageZh, String messageEn) {
}
