package cn.huiyin.dashboard.domain.fact;

/** An organisation as the producers' events name it: id (org-…), name and type (街道党工委 STREET, …). */
public record Organisation(String id, String name, String type) {
}
