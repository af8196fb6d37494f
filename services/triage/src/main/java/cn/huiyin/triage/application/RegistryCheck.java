package cn.huiyin.triage.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.Router;
import cn.huiyin.triage.domain.WorkerGroups;

/**
 * What makes a registry acceptable, as a whole: every organisation well formed against the reference data
 * (categories, divisions, worker groups, business hours, places), one tree (known parents, one root, no cycle), and
 * every organisation the routing rules name present. The same checks serve an administrator's edit and a registry
 * file being loaded.
 */
public class RegistryCheck {

    private static final Pattern ID = Pattern.compile("org-[a-z0-9]+(-[a-z0-9]+)*");

    private final Categories categories;
    private final DivisionTree divisions;

    public RegistryCheck(Categories categories, DivisionTree divisions) {
        this.categories = categories;
        this.divisions = divisions;
    }

    /** Problems of a whole registry, the fields named under {@code field} ("organisations[3].competences"). */
    public List<FieldProblem> ofRegistry(List<Organisation> organisations, Router router, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            Organisation org = organisations.get(i);
            problems.addAll(ofOrganisation(field + "[" + i + "].", org));
            if (seen.putIfAbsent(org.id(), i) != null) {
                problems.add(new FieldProblem(field + "[" + i + "].id", "organisation.duplicate",
                    org.id() + " 重复出现", org.id() + " is listed twice"));
            }
        }
        if (organisations.isEmpty()) {
            problems.add(new FieldProblem(field, "registry.empty", "组织名录不能为空", "The registry cannot be empty"));
        }
        if (problems.isEmpty()) {
            problems.addAll(ofTree(organisations, router, field));
        }
        return problems;
    }

    /** Problems of one organisation, the fields named after {@code path} ("" or "organisations[3]."). */
    public List<FieldProblem> ofOrganisation(String path, Organisation org) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!ID.matcher(org.id()).matches()) {
            problems.add(new FieldProblem(path + "id", "organisation.id", "编号应形如 org-street-damian（小写字母、数字和连字符）",
                "should look like org-street-damian (lower-case letters, digits and hyphens)"));
        }
        for (int i = 0; i < org.jurisdiction().size(); i++) {
            if (!divisions.contains(org.jurisdiction().get(i))) {
                problems.add(new FieldProblem(path + "jurisdiction[" + i + "]", "division.unknown",
                    "不是本市的行政区划代码", "not an administrative division code of this city"));
            }
        }
        org.competences().stream().filter(code -> !categories.contains(code)).sorted().forEach(code ->
            problems.add(new FieldProblem(path + "competences", "category.unknown", "没有诉求分类 " + code,
                "unknown category " + code)));
        org.workerGroups().stream().filter(group -> !WorkerGroups.isKnown(group)).sorted().forEach(group ->
            problems.add(new FieldProblem(path + "workerGroups", "workerGroup.unknown", "没有从业群体 " + group,
                "unknown worker group " + group)));
        if (!org.places().isEmpty() && !org.type().managesPlaces()) {
            problems.add(new FieldProblem(path + "places", "places.not-a-place-party",
                "只有物业服务企业、商场园区运营方和服务区运营方登记所负责的场所",
                "only property managers and operators of malls, parks or service areas list places"));
        }
        for (int i = 0; i < org.places().size(); i++) {
            if (!divisions.contains(org.places().get(i).divisionCode())) {
                problems.add(new FieldProblem(path + "places[" + i + "].divisionCode", "division.unknown",
                    "不是本市的行政区划代码", "not an administrative division code of this city"));
            }
        }
        try {
            BusinessHours.parse(org.businessHours());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path + "businessHours", "businessHours.invalid",
                "办公时间格式应如 09:00-12:00,13:30-17:30 或 24x7", e.getMessage()));
        }
        return problems;
    }

    /** The tree and the routing rules' organisations. */
    public List<FieldProblem> ofTree(List<Organisation> organisations, Router router, String field) {
        OrganisationRegistry candidate;
        try {
            candidate = new OrganisationRegistry(organisations);
        } catch (IllegalArgumentException e) {
            return List.of(new FieldProblem(field, "registry.tree", "组织层级有误：" + e.getMessage(), e.getMessage()));
        }
        List<String> missing = router.unknownOrganisations(candidate);
        if (!missing.isEmpty()) {
            return List.of(new FieldProblem(field, "registry.routing", "派单规则引用的单位不能删除：" + missing,
                "the routing rules name these organisations: " + missing));
        }
        return List.of();
    }
}
