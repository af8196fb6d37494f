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
 * @param businessHours e.g. {@code 09:00-12:00,13:30-17:30}, or {@code 24x7}
 * @param active        inactive organisations keep their history but get no new cases
 */
public record Organisation(String id, String name, String nameEn, OrganisationType type, String parentId,
                           List<String> jurisdiction, Set<String> competences, Set<String> workerGroups,
                           List<String> aliases, String businessHours, boolean active) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
        competences = competences == null ? Set.of() : Set.copyOf(competences);
        workerGroups = workerGroups == null ? Set.of() : Set.copyOf(workerGroups);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        businessHours = businessHours == null || businessHours.isBlank() ? "09:00-12:00,13:30-17:30" : businessHours;
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
