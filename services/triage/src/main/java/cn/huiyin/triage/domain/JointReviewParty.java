package cn.huiyin.triage.domain;

import java.util.Objects;

/**
 * An organisation at a case's joint review (联席会商的参会方): the lead, a co-handler, or a party invited because the
 * matter concerns it (the street of the place, the property manager of a mall, the platforms whose workers are
 * affected).
 *
 * @param rule the rule that invited it (a joint-review party rule of routing.json, or a cluster's); null for the lead
 *             and co-handlers, whom routing chose
 */
public record JointReviewParty(String id, String name, OrganisationType type, Role role, String rule) {

    /** Why it sits at the table. */
    public enum Role {
        /** 主办. */
        LEAD,
        /** 协办. */
        CO_HANDLER,
        /** 受邀参会. */
        INVITED
    }

    public JointReviewParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
    }

    static JointReviewParty of(OrganisationRef org, Role role, String rule) {
        return new JointReviewParty(org.id(), org.name(), org.type(), role, rule);
    }
}
