package cn.huiyin.contracts.reference;

/**
 * A grievance category (诉求分类).
 *
 * @param scope INDUSTRY: handled along the worker's industry (wages, insurance); PLACE: handled where it happens
 *              (parking, hazards)
 */
public record Category(String code, String nameZh, String nameEn, Scope scope) {

    public enum Scope {
        INDUSTRY,
        PLACE
    }
}
