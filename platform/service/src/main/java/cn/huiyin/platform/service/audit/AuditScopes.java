package cn.huiyin.platform.service.audit;

import java.util.Optional;

/**
 * Where the grievance an audit entry is about lies, so that supervisors search and export the audit trail of their
 * own jurisdiction only. A service whose audit entries concern grievances (its events' subjects) provides one; the
 * entries of a service without one are answered to administrators only.
 */
@FunctionalInterface
public interface AuditScopes {

    /** The administrative division code of the grievance's place, if this service knows the grievance. */
    Optional<String> divisionOf(String grievanceId);
}
