package cn.huiyin.triage.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.Router;
import cn.huiyin.triage.domain.WorkerGroups;

/**
 * Editing the organisation registry (组织名录) through the admin API: one organisation at a time, or the whole
 * registry at once. Every edit is checked against the reference data (categories, divisions, worker groups), against
 * the tree (known parent, one root, no cycle) and against the routing rules (every organisation they name exists);
 * routing uses the new registry as soon as the edit is stored.
 */
public class OrganisationAdmin {

    private static final Pattern ID = Pattern.compile("org-[a-z0-9]+(-[a-z0-9]+)*");

    private final OrganisationStore store;
    private final Registry registry;
    private final Categories categories;
    private final DivisionTree divisions;
    private final Router router;

    public OrganisationAdmin(OrganisationStore store, Registry registry, Categories categories, DivisionTree divisions,
                             Router router) {
        this.store = store;
        this.registry = registry;
        this.categories = categories;
        this.divisions = divisions;
        this.router = router;
    }

    public List<Organisation> list() {
        return registry.current().all();
    }

    public Organisation get(String id) {
        return registry.current().find(id).orElseThrow(() -> DomainException.notFound("organisation.unknown",
            "组织名录中没有 " + id, "No organisation " + id + " in the registry"));
    }

    /** @return true if the organisation is new */
    public synchronized boolean put(Organisation organisation) {
        List<FieldProblem> problems = new ArrayList<>(check("", organisation));
        Map<String, Organisation> next = new LinkedHashMap<>();
        registry.current().all().forEach(org -> next.put(org.id(), org));
        boolean created = next.put(organisation.id(), organisation) == null;
        if (problems.isEmpty()) {
            problems.addAll(checkTree(List.copyOf(next.values()), "parentId"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        store.save(organisation);
        registry.reload();
        return created;
    }

    public synchronized void replaceAll(List<Organisation> organisations) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            Organisation org = organisations.get(i);
            problems.addAll(check("organisations[" + i + "].", org));
            if (seen.putIfAbsent(org.id(), i) != null) {
                problems.add(new FieldProblem("organisations[" + i + "].id", "organisation.duplicate",
                    org.id() + " 重复出现", org.id() + " is listed twice"));
            }
        }
        if (organisations.isEmpty()) {
            problems.add(new FieldProblem("organisations", "registry.empty", "组织名录不能为空", "The registry cannot be empty"));
        }
        if (problems.isEmpty()) {
            problems.addAll(checkTree(organisations, "organisations"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        store.replaceAll(organisations);
        registry.reload();
    }

    private List<FieldProblem> check(String path, Organisation org) {
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

    private List<FieldProblem> checkTree(List<Organisation> organisations, String field) {
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
