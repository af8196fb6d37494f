package cn.huiyin.dashboard.application.rebuild;

import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.dashboard.application.projection.Position;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.organisation.RegisteredOrganisation;

/**
 * A record of the history read back for a rebuild: what it does to which grievances' facts, or to the organisation
 * registry, as the live consumers would have applied it.
 */
public record HistoricEvent(Position position, EventIdentity identity, List<String> grievanceIds,
                            Consumer<CaseFact> change, RegisteredOrganisation organisation) {
}
