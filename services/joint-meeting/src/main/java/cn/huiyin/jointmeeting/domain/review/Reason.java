package cn.huiyin.jointmeeting.domain.review;

/** A rule of triage's that asked for the review, as triage worded it in Chinese and English. */
public record Reason(String id, String descriptionZh, String descriptionEn) {
}
