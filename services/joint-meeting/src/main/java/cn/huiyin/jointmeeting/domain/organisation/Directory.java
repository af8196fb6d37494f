package cn.huiyin.jointmeeting.domain.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organisations joint-meeting knows, as one snapshot a use case can ask several questions of. */
public final class Directory {

    private final Map<String, KnownOrganisation> byId;

    public Directory(List<KnownOrganisation> organisations) {
        this.byId = organisations.stream().collect(Collectors.toUnmodifiableMap(KnownOrganisation::id,
            Function.identity(), (a, b) -> a.revision() >= b.revision() ? a : b));
    }

    public Optional<KnownOrganisation> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * Who convenes a joint review of a case led by {@code lead}: the lead itself when it leads an industry or a
     * territory, else the nearest such organisation above it.
     */
    public Optional<OrganisationRef> convenerFor(OrganisationRef lead) {
        if (lead == null) {
            return Optional.empty();
        }
        if (KnownOrganisation.convenes(lead)) {
            return Optional.of(find(lead.id()).map(KnownOrganisation::ref).orElse(lead));
        }
        return find(lead.id()).flatMap(known -> known.ancestors().stream().filter(KnownOrganisation::convenes).findFirst());
    }

    /** The territorial organisation whose jurisdiction names the place most closely (a street before its district). */
    public Optional<OrganisationRef> territorialFor(String divisionCode) {
        if (divisionCode == null) {
            return Optional.empty();
        }
        return byId.values().stream().filter(KnownOrganisation::active).filter(KnownOrganisation::convenes)
            .filter(org -> !"INDUSTRY_COMMITTEE".equals(org.type()))
            .flatMap(org -> org.jurisdiction().stream().filter(code -> covers(code, divisionCode))
                .map(code -> Map.entry(prefix(code).length(), org)))
            .max(Comparator.comparingInt(Map.Entry::getKey)).map(entry -> entry.getValue().ref());
    }

    private static boolean covers(String jurisdiction, String divisionCode) {
        return divisionCode.startsWith(prefix(jurisdiction));
    }

    private static String prefix(String code) {
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.length() == 6 && code.endsWith("00") ? code.substring(0, 4) : code;
    }
}
