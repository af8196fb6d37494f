package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;

import cn.huiyin.contracts.reference.Division;
import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.WorkerGroup;
import org.junit.jupiter.api.Test;

/** The attribute definitions are data; these checks keep the data and intake's code in step. */
class ServiceCatalogTest {

    private final ReferenceData referenceData = ReferenceData.load();
    private final ServiceCatalog catalog = ServiceCatalog.load(referenceData, ServiceRequestForm.ATTRIBUTES,
        ServiceRequestForm.REQUIRED_EVERYWHERE);

    @Test
    void everyCategoryIsAServiceThatAsksForTheWorkerGroupAndThePlace() {
        assertThat(catalog.services()).hasSameSizeAs(referenceData.categories());
        for (ServiceCatalog.Service service : catalog.services()) {
            assertThat(service.attribute("worker_group")).get().extracting(ServiceCatalog.Attribute::required)
                .isEqualTo(true);
            assertThat(service.attribute("division_code")).get().extracting(ServiceCatalog.Attribute::required)
                .isEqualTo(true);
            assertThat(service.attributes()).extracting(ServiceCatalog.Attribute::order)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, service.attributes().size())
                    .boxed().toList());
        }
    }

    @Test
    void theWorkerGroupsOfferedAreExactlyIntakesWorkerGroups() {
        ServiceCatalog.Attribute group = catalog.service("WAGES").orElseThrow().attribute("worker_group").orElseThrow();

        assertThat(group.values()).extracting(ServiceCatalog.Value::key)
            .containsExactlyElementsOf(Arrays.stream(WorkerGroup.values()).map(Enum::name).toList());
        assertThat(group.values()).allSatisfy(value -> assertThat(value.name()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void thePlacesOfferedAreTheCitysDistrictsStreetsAndCommunities() {
        ServiceCatalog.Attribute division = catalog.service("PARKING_ACCESS").orElseThrow()
            .attribute("division_code").orElseThrow();

        assertThat(division.values()).extracting(ServiceCatalog.Value::key).containsExactlyElementsOf(
            referenceData.divisions().stream().filter(d -> d.level() != Division.Level.CITY).map(Division::code).toList());
        assertThat(division.allows("510112002001")).isTrue();
        assertThat(division.allows("510100")).isFalse();
    }

    @Test
    void anOrderNumberIsAskedForWhereAnOrderMatters() {
        assertThat(catalog.service("INJURY_INSURANCE").orElseThrow().attribute("platform_order_number")).isPresent();
        assertThat(catalog.service("WAGES").orElseThrow().attribute("platform_order_number")).isPresent();
        assertThat(catalog.service("PLATFORM_RULES").orElseThrow().attribute("platform_order_number")).isPresent();
        assertThat(catalog.service("CHILDREN_SCHOOLING").orElseThrow().attribute("platform_order_number")).isEmpty();
    }

    @Test
    void aDefinitionIntakeCannotPlaceStopsStartUp() {
        assertThatThrownBy(() -> ServiceCatalog.load(referenceData, Set.of("worker_group", "division_code"), Set.of()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no place in a submission");
        assertThatThrownBy(() -> ServiceCatalog.load(referenceData, ServiceRequestForm.ATTRIBUTES, Set.of("hotline_ticket")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be required for every service");
    }

    @Test
    void keywordsComeFromTheChineseName() {
        assertThat(ServiceCatalog.keywords("平台规则与算法（罚款、封号、派单）")).isEqualTo("平台规则与算法, 罚款, 封号, 派单");
        assertThat(ServiceCatalog.keywords("停车难、进门难")).isEqualTo("停车难, 进门难");
    }
}
