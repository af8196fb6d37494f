package cn.huiyin.triage.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.triage.application.OrganisationAdmin;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisation registry (组织名录)", description = "Industry committees, territorial organisations, enterprise "
    + "party organisations, member departments, property managers and operators of places, with parent, jurisdiction, "
    + "competences, business hours and the places they answer for")
class OrganisationController {

    private final OrganisationAdmin admin;

    OrganisationController(OrganisationAdmin admin) {
        this.admin = admin;
    }

    /** One organisation as an administrator writes it. */
    record OrganisationRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String nameEn,
        @NotNull OrganisationType type,
        @Size(max = 80) String parentId,
        List<@NotBlank String> jurisdiction,
        Set<@NotBlank String> competences,
        Set<@NotBlank String> workerGroups,
        List<@NotBlank @Size(max = 50) String> aliases,
        @Size(max = 100) String businessHours,
        Boolean active,
        @Size(max = 50) List<@Valid @NotNull PlaceRequest> places) {

        Organisation toOrganisation(String id) {
            return new Organisation(id, name.strip(), CaseRequests.blankToNull(nameEn), type,
                CaseRequests.blankToNull(parentId), jurisdiction, competences, workerGroups, aliases,
                CaseRequests.blankToNull(businessHours), active == null || active,
                places == null ? List.of() : places.stream().map(PlaceRequest::toPlace).toList());
        }
    }

    /** A place a property manager or operator answers for (a mall, a compound, a park, a service area). */
    record PlaceRequest(@NotBlank @Size(max = 50) String name, List<@NotBlank @Size(max = 50) String> aliases,
                        @NotBlank @Size(max = 12) String divisionCode) {

        Organisation.Place toPlace() {
            return new Organisation.Place(name.strip(), aliases, divisionCode.strip());
        }
    }

    record RegistryEntry(@NotBlank @Size(max = 80) String id, @NotBlank @Size(max = 100) String name,
                         @Size(max = 200) String nameEn, @NotNull OrganisationType type, @Size(max = 80) String parentId,
                         List<@NotBlank String> jurisdiction, Set<@NotBlank String> competences,
                         Set<@NotBlank String> workerGroups, List<@NotBlank @Size(max = 50) String> aliases,
                         @Size(max = 100) String businessHours, Boolean active,
                         @Size(max = 50) List<@Valid @NotNull PlaceRequest> places) {

        Organisation toOrganisation() {
            return new OrganisationRequest(name, nameEn, type, parentId, jurisdiction, competences, workerGroups,
                aliases, businessHours, active, places).toOrganisation(id.strip());
        }
    }

    /**
     * A whole registry, e.g. what {@code GET /api/organisations} exported here or in another environment.
     *
     * @param count optional: as in the export; when given it must match, which catches a truncated file
     */
    record RegistryRequest(Integer count, @NotEmpty @Size(max = 5000) List<@Valid @NotNull RegistryEntry> organisations) {
    }

    record RegistryView(int count, List<Organisation> organisations) {
    }

    @GetMapping
    @RolesAllowed({Roles.ADMIN, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR,
        Roles.MEETING_CONVENER, Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.CALLBACK_AGENT, Roles.DASHBOARD_VIEWER,
        Roles.SERVICE})
    @Operation(summary = "The organisation registry (组织名录)",
        description = "Filter by type, by parent, or by text in the name or aliases; the full list is the registry's export.")
    RegistryView list(@RequestParam(required = false) OrganisationType type,
                      @RequestParam(required = false) String parentId,
                      @RequestParam(required = false) String q) {
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<Organisation> found = admin.list().stream()
            .filter(org -> type == null || org.type() == type)
            .filter(org -> parentId == null || parentId.equals(org.parentId()))
            .filter(org -> text == null || org.name().toLowerCase(Locale.ROOT).contains(text)
                || org.id().contains(text) || org.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(text)))
            .toList();
        return new RegistryView(found.size(), found);
    }

    @GetMapping("/{organisationId}")
    @RolesAllowed({Roles.ADMIN, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR,
        Roles.MEETING_CONVENER, Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.CALLBACK_AGENT, Roles.DASHBOARD_VIEWER,
        Roles.SERVICE})
    @Operation(summary = "One organisation")
    Organisation get(@PathVariable String organisationId) {
        return admin.get(organisationId);
    }

    @PutMapping(path = "/{organisationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Create or replace an organisation (管理员维护)",
        description = "201 when created, 200 when replaced. 400 naming each problem: unknown parent, category, division "
            + "or worker group, bad business hours, a cycle, or an organisation the routing rules need.")
    ResponseEntity<Organisation> put(@PathVariable String organisationId,
                                     @Valid @RequestBody OrganisationRequest request) {
        Organisation organisation = request.toOrganisation(organisationId);
        boolean created = admin.put(organisation);
        return created ? ResponseEntity.created(URI.create("/api/organisations/" + organisationId)).body(organisation)
            : ResponseEntity.ok(organisation);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Load a whole registry (整体导入)",
        description = "Replaces the registry after checking it as a whole; cases keep the organisations they name.")
    RegistryView replaceAll(@Valid @RequestBody RegistryRequest request) {
        if (request.count() != null && request.count() != request.organisations().size()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("count", "registry.count",
                "count 为 " + request.count() + "，但列出了 " + request.organisations().size() + " 个单位，文件可能不完整",
                "count says " + request.count() + " but " + request.organisations().size()
                    + " organisations are listed; the file may be truncated")));
        }
        List<Organisation> organisations = request.organisations().stream().map(RegistryEntry::toOrganisation).toList();
        admin.replaceAll(organisations);
        return new RegistryView(organisations.size(), admin.list());
    }
}
