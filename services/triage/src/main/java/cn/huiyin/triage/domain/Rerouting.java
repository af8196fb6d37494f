package cn.huiyin.triage.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** What a case needs from routing when it is returned: the next organisation in line, or who rules the dispute. */
public interface Rerouting {

    /** The routing rules applied again without the {@code excluded} organisations. */
    Optional<RoutingDecision> next(Set<String> excluded);

    /** The organisation above all {@code disputants} that rules (终审). */
    Optional<OrganisationRef> rulingBody(Collection<String> disputants);
}
