package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One organisation of the registry (组织名录).
 *
 * @param parentId      the organisation above it in the channel of responsibility; null only for the city
 * @param jurisdiction  administrative division codes it answers for (territorial organisations: their district,
 *                      street or community; city-wide bodies: the city)
 * @param competences   category codes it may be given as lead or co-handler
 * @param workerGroups  industry committees: the worker groups they are the channel for (外卖骑手 → 网约配送行业党委)
 * @param aliases       enterprises: the names workers give for the firm ("美团", "美团外卖")
 * @param businessHours e.g. {@code 09:00-12:00,13:30-17:30}, or {@code 24x7}; the deadlines of the cases it leads
 *                      are counted in them
 * @param active        inactive organisations keep their history but get no new cases
 * @param places        property managers and operators: the places they answer for (a mall, a park, a service area)
 */
public record Organisation(String id, String name, String nameEn, OrganisationType type, String parentId,
                           List<String> jurisdiction, Set<String> competences, Set<String> workerGroups,
                           List<String> aliases, String businessHours, boolean active, List<Place> places) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
        competences = competences == null ? Set.of() : Set.copyOf(competences);
        workerGroups = workerGroups == null ? Set.of() : Set.copyOf(workerGroups);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        businessHours = businessHours == null || businessHours.isBlank() ? "09:00-12:00,13:30-17:30" : businessHours;
        places = places == null ? List.of() : List.copyOf(places);
    }

    public Organisation(String id, String name, String nameEn, OrganisationType type, String parentId,
                        List<String> jurisdiction, Set<String> competences, Set<String> workerGroups,
                        List<String> aliases, String businessHours, boolean active) {
        this(id, name, nameEn, type, parentId, jurisdiction, competences, workerGroups, aliases, businessHours, active,
            List.of());
    }

    /**
     * A place a property manager or operator answers for, as workers name it.
     *
     * @param aliases      other names workers use ("龙湖天街购物中心")
     * @param divisionCode where it lies: a grievance names it only if its own place lies in or around there
     */
    public record Place(String name, List<String> aliases, String divisionCode) {
        public Place {
            Objects.requireNonNull(name, "name");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** Whether a grievance at {@code division} whose text is {@code text} names this place. */
        public boolean namedIn(String text, String division) {
            String here = area(division);
            String there = area(divisionCode);
            boolean sameArea = here == null || there == null || here.startsWith(there) || there.startsWith(here);
            return sameArea && text != null
                && (text.contains(name) || aliases.stream().anyMatch(alias -> !alias.isBlank() && text.contains(alias)));
        }

        /** The code as a prefix of the codes within it: a city's 510100 covers 5101xx (GB/T 2260 layout). */
        private static String area(String code) {
            if (code == null || code.isBlank()) {
                return null;
            }
            String area = code;
            while (area.length() > 2 && area.length() <= 6 && area.endsWith("00")) {
                area = area.substring(0, area.length() - 2);
            }
            return area;
        }
    }

    public OrganisationRef ref() {
        return new OrganisationRef(id, name, type);
    }

    public boolean isCompetentFor(String category) {
        return competences.contains(category);
    }

    /** Whether it can be given a case of {@code category} now. */
    public boolean canHandle(String category) {
        return active && type.handlesCases() && isCompetentFor(category);
    }
}
