package cn.huiyin.dashboard.application.organisation;

import cn.huiyin.dashboard.application.query.Labels;
import cn.huiyin.dashboard.domain.cell.Dimension;

/**
 * Names rows of the division breakdown after the organisation whose jurisdiction the division is (大面街道 for
 * 510112002), as the registry says; other dimensions are shown by their codes.
 */
public class RegistryLabels implements Labels {

    private final FollowOrganisations organisations;

    public RegistryLabels(FollowOrganisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public String of(Dimension dimension, String value) {
        return dimension == Dimension.DIVISION ? organisations.hierarchy().nameOfJurisdiction(value) : null;
    }
}
