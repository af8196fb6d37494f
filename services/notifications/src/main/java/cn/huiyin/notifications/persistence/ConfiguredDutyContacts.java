package cn.huiyin.notifications.persistence;

import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.application.DutyContacts;

/** Duty contacts as configured ({@code huiyin.notifications.duty-contacts.<organisation id>}). */
public class ConfiguredDutyContacts implements DutyContacts {

    private final Map<String, List<StaffContact>> byOrganisation;

    public ConfiguredDutyContacts(Map<String, List<StaffContact>> byOrganisation) {
        this.byOrganisation = Map.copyOf(byOrganisation);
    }

    @Override
    public List<StaffContact> of(String organisationId) {
        return byOrganisation.getOrDefault(organisationId, List.of());
    }
}
