package cn.huiyin.intake.application;

import java.util.List;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.security.HuiyinUser;

/** Reads grievances for staff, within what each may see (see {@link GrievanceAccess}). */
public class GrievanceQueries {

    /** A worker's phone and ID numbers, unmasked, for someone who must contact them. */
    public record ContactDetails(String grievanceId, String name, String mobile, String residentId,
                                 String preferredContactTime) {
    }

    private final Grievances grievances;
    private final AuditTrail audit;

    public GrievanceQueries(Grievances grievances, AuditTrail audit) {
        this.grievances = grievances;
        this.audit = audit;
    }

    public Grievance get(HuiyinUser user, String grievanceId) {
        Grievance grievance = grievances.find(grievanceId).orElseThrow(() -> notFound(grievanceId));
        GrievanceAccess.requireVisible(user, grievance);
        return grievance;
    }

    public List<Grievance> search(HuiyinUser user, GrievanceStatus status, int page, int size) {
        return grievances.search(GrievanceAccess.scopeOf(user), status, page, size);
    }

    public long count(HuiyinUser user, GrievanceStatus status) {
        return grievances.count(GrievanceAccess.scopeOf(user), status);
    }

    /** Unmasks the worker's contact details for someone who must contact them; audited before anything is shown. */
    public ContactDetails contact(HuiyinUser user, String grievanceId, String reason) {
        Grievance grievance = get(user, grievanceId);
        if (!GrievanceAccess.canContact(user, grievance)) {
            throw DomainException.forbidden("contact.not-allowed", "只有承办、协办单位和回访人员可以查看联系方式",
                "Only the handling and co-handling organisations and callback agents may see contact details");
        }
        if (grievance.worker().isErased()) {
            throw DomainException.conflict("contact.erased", "该诉求办结已久，个人信息已按规定删除",
                "This grievance was closed long ago; personal data has been erased as the retention rule requires");
        }
        audit.personalDataRead(grievanceId, grievance.worker().residentId() == null
            ? List.of("name", "mobile") : List.of("name", "mobile", "residentId"), reason);
        return new ContactDetails(grievanceId, grievance.worker().name(), grievance.worker().mobile(),
            grievance.worker().residentId(), grievance.submission().preferredContactTime());
    }

    static DomainException notFound(String grievanceId) {
        return DomainException.notFound("grievance.unknown", "没有编号为 " + grievanceId + " 的诉求",
            "No grievance " + grievanceId);
    }
}
