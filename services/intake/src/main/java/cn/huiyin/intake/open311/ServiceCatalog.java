package cn.huiyin.intake.open311;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiyin.contracts.reference.Category;
import cn.huiyin.contracts.reference.Division;
import cn.huiyin.contracts.reference.ReferenceData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open311 services: the category taxonomy ({@code contracts/reference-data/categories.json}), each with the
 * attributes of {@code open311/service-attributes.json}. Loaded and checked once at start-up, so a broken definition
 * stops intake instead of confusing clients.
 */
final class ServiceCatalog {

    static final String RESOURCE = "open311/service-attributes.json";
    static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
        "multivaluelist");

    /** One choice of a list attribute. */
    record Value(String key, String name) {
    }

    /** An attribute as a service asks for it. {@code order} counts from 1 within the service. */
    record Attribute(String code, String datatype, boolean required, String description, String datatypeDescription,
                     int order, Integer maxLength, List<Value> values) {

        boolean isList() {
            return datatype.endsWith("valuelist");
        }

        boolean allows(String key) {
            return values.stream().anyMatch(v -> v.key().equals(key));
        }
    }

    /** A service: a category and what it asks for. */
    record Service(Category category, List<Attribute> attributes) {

        String code() {
            return category.code();
        }

        Optional<Attribute> attribute(String code) {
            return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
        }
    }

    private final Map<String, Service> services;

    private ServiceCatalog(Map<String, Service> services) {
        this.services = Collections.unmodifiableMap(services);
    }

    /**
     * @param understood         the attribute codes intake knows where to put; a definition naming any other is refused
     * @param requiredEverywhere attributes without which no grievance can be filed
     */
    static ServiceCatalog load(ReferenceData referenceData, Set<String> understood, Set<String> requiredEverywhere) {
        JsonNode root;
        try (InputStream in = ServiceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> categories = referenceData.categories().stream().map(Category::code).collect(Collectors.toSet());
        List<Definition> definitions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : root.get("attributes")) {
            Definition definition = Definition.read(node, referenceData);
            if (!seen.add(definition.code)) {
                throw invalid(definition.code, "is defined twice");
            }
            if (!understood.contains(definition.code)) {
                throw invalid(definition.code, "has no place in a submission; map it in ServiceRequestForm first");
            }
            if (definition.services != null && !categories.containsAll(definition.services)) {
                throw invalid(definition.code, "names an unknown category in 'services'");
            }
            definitions.add(definition);
        }
        Map<String, Service> services = new LinkedHashMap<>();
        for (Category category : referenceData.categories()) {
            List<Attribute> attributes = new ArrayList<>();
            for (Definition d : definitions) {
                if (d.services == null || d.services.contains(category.code())) {
                    attributes.add(new Attribute(d.code, d.datatype, d.required, d.description, d.datatypeDescription,
                        attributes.size() + 1, d.maxLength, d.values));
                }
            }
            for (String code : requiredEverywhere) {
                if (attributes.stream().noneMatch(a -> a.code().equals(code) && a.required())) {
                    throw invalid(code, "must be required for every service (" + category.code() + " lacks it)");
                }
            }
            services.put(category.code(), new Service(category, List.copyOf(attributes)));
        }
        return new ServiceCatalog(services);
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }

    Optional<Service> service(String code) {
        return Optional.ofNullable(code == null ? null : services.get(code));
    }

    /** The spec's service list entry. Chinese name first, English as the description (GeoReport has no language). */
    static Map<String, Object> listEntry(Service service) {
        Category category = service.category();
        return Open311Document.fields(
            "service_code", category.code(),
            "service_name", category.nameZh(),
            "description", category.nameEn(),
            "metadata", !service.attributes().isEmpty(),
            "type", "realtime",
            "keywords", keywords(category.nameZh()),
            "group", group(category.scope()));
    }

    /** The spec's service definition. */
    static Map<String, Object> definition(Service service) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Attribute a : service.attributes()) {
            Map<String, Object> attribute = Open311Document.fields(
                "variable", true,
                "code", a.code(),
                "datatype", a.datatype(),
                "required", a.required(),
                "datatype_description", a.datatypeDescription(),
                "order", a.order(),
                "description", a.description());
            if (a.isList()) {
                attribute.put("values", new Open311Document.Items("value", a.values().stream()
                    .map(v -> Open311Document.fields("key", v.key(), "name", v.name())).toList()));
            }
            attributes.add(attribute);
        }
        return Open311Document.fields("service_code", service.code(),
            "attributes", new Open311Document.Items("attribute", attributes));
    }

    /** The parts of the Chinese name work as search words: 工资报酬（欠薪、克扣） gives 工资报酬, 欠薪, 克扣. */
    static String keywords(String nameZh) {
        return Arrays.stream(nameZh.split("[（）()、，,]")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.joining(", "));
    }

    static String group(Category.Scope scope) {
        return scope == Category.Scope.PLACE ? "按属地办理 / Handled where it happens"
            : "按行业办理 / Handled along the industry";
    }

    private static IllegalStateException invalid(String code, String problem) {
        return new IllegalStateException(RESOURCE + ": attribute '" + code + "' " + problem);
    }

    /** One entry of the resource file. */
    private record Definition(String code, String datatype, boolean required, String description,
                              String datatypeDescription, Integer maxLength, List<String> services, List<Value> values) {

        static Definition read(JsonNode node, ReferenceData referenceData) {
            String code = text(node, "code");
            if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new IllegalStateException(RESOURCE + ": attribute code '" + code + "' is not snake_case");
            }
            String datatype = text(node, "datatype");
            if (!DATATYPES.contains(datatype)) {
                throw invalid(code, "has datatype '" + datatype + "', not one of " + DATATYPES);
            }
            List<Value> values = new ArrayList<>();
            if (node.has("values")) {
                for (JsonNode value : node.get("values")) {
                    values.add(new Value(text(value, "key"), text(value, "name")));
                }
            }
            if ("divisions".equals(text(node, "values_from"))) {
                values.addAll(divisions(referenceData));
            }
            boolean list = datatype.endsWith("valuelist");
            if (list == values.isEmpty()) {
                throw invalid(code, list ? "is a list without values" : "has values but is not a list");
            }
            List<String> services = null;
            if (node.has("services")) {
                services = new ArrayList<>();
                for (JsonNode service : node.get("services")) {
                    services.add(service.asString());
                }
            }
            Integer maxLength = node.has("max_length") ? node.get("max_length").asInt() : null;
            return new Definition(code, datatype, node.path("required").asBoolean(false), text(node, "description"),
                text(node, "datatype_description"), maxLength, services == null ? null : List.copyOf(services),
                List.copyOf(values));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        /** Districts, streets and communities, named from the district down so people recognise them. */
        private static List<Value> divisions(ReferenceData referenceData) {
            List<Value> values = new ArrayList<>();
            for (Division division : referenceData.divisions()) {
                if (division.level() == Division.Level.CITY) {
                    continue;
                }
                List<Division> lineage = new ArrayList<>(referenceData.lineage(division.code()));
                Collections.reverse(lineage);
                values.add(new Value(division.code(), lineage.stream().filter(d -> d.level() != Division.Level.CITY)
                    .map(Division::nameZh).collect(Collectors.joining(" "))));
            }
            return values;
        }
    }
}
