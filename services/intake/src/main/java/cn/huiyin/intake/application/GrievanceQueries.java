package cn.huiyin.intake.application;

import java.util.ArrayList;
import java.util.List;

import cn.huiyin.intake.application.access.AccessScope;
import cn.huiyin.intake.application.access.Disclosure;
import cn.huiyin.intake.application.access.GrievanceAccess;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy;
import cn.huiyin.platform.service.audit.AuditTrail;

/** Reads grievances for staff, within what each may see (see {@link GrievanceAccess}). */
public class GrievanceQueries {

    /** A grievance as one caller reads it, with what they may see of the worker. */
    public record Read(Grievance grievance, Disclosure disclosure) {
    }

    /** A worker's name, phone and ID numbers, unmasked, for someone who must contact them. */
    public record ContactDetails(String grievanceId, String name, String mobile, String residentId,
                                 String preferredContactTime) {
    }

    private final Grievances grievances;
    private final EvidenceStore evidence;
    private final AuditTrail audit;

    public GrievanceQueries(Grievances grievances, EvidenceStore evidence, AuditTrail audit) {
        this.grievances = grievances;
        this.evidence = evidence;
        this.audit = audit;
    }

    public Read get(Caller caller, String grievanceId) {
        Grievance grievance = grievances.find(grievanceId).orElseThrow(() -> notFound(grievanceId));
        GrievanceAccess.requireVisible(caller, grievance);
        return new Read(grievance, GrievanceAccess.disclosure(caller, grievance));
    }

    public List<Read> search(Caller caller, GrievanceStatus status, int page, int size) {
        AccessScope scope = GrievanceAccess.scopeOf(caller);
        if (scope.isEmpty()) {
            return List.of();
        }
        return grievances.search(scope, status, page, size).stream()
            .map(g -> new Read(g, GrievanceAccess.disclosure(caller, g))).toList();
    }

    public long count(Caller caller, GrievanceStatus status) {
        AccessScope scope = GrievanceAccess.scopeOf(caller);
        return scope.isEmpty() ? 0 : grievances.count(scope, status);
    }

    /**
     * Unmasks the worker's name, mobile and ID number for someone who must contact them; the audit entry is written
     * before anything is returned.
     */
    public ContactDetails contact(Caller caller, String grievanceId, String reason) {
        Read read = get(caller, grievanceId);
        Grievance grievance = read.grievance();
        if (!read.disclosure().mayContact()) {
            throw DomainException.forbidden("contact.not-allowed", "只有承办、协办单位和回访人员可以查看联系方式",
                "Only the handling and co-handling organisations and callback agents may see contact details");
        }
        if (grievance.worker().isErased()) {
            throw DomainException.conflict("contact.erased", "该诉求办结已久，个人信息已按规定删除",
                "This grievance was closed long ago; personal data has been erased as the retention rule requires");
        }
        List<String> fields = new ArrayList<>(List.of("name", "mobile"));
        if (grievance.worker().residentId() != null) {
            fields.add("residentId");
        }
        audit.personalDataRead(grievanceId, grievance.submission().place().divisionCode(), fields, reason);
        return new ContactDetails(grievanceId, grievance.worker().name(), grievance.worker().mobile(),
            grievance.worker().residentId(), grievance.submission().preferredContactTime());
    }

    /**
     * The worker's mobile for the notification service (SERVICE role only), to send one message about this grievance:
     * nothing else of the worker, and audited like every other unmasking. Empty once the personal data is erased.
     */
    public java.util.Optional<String> notificationMobile(String grievanceId) {
        Grievance grievance = grievances.find(grievanceId).orElseThrow(() -> notFound(grievanceId));
        if (grievance.worker().isErased()) {
            return java.util.Optional.empty();
        }
        audit.personalDataRead(grievanceId, grievance.submission().place().divisionCode(), List.of("mobile"),
            "notification");
        return java.util.Optional.ofNullable(grievance.worker().mobile());
    }

    /** An evidence file of a grievance the caller may read, unless its files are withheld from them. */
    public EvidenceStore.StoredFile evidence(Caller caller, String grievanceId, String fileId) {
        Read read = get(caller, grievanceId);
        if (read.disclosure().withholds(PersonalDataPolicy.Field.EVIDENCE)) {
            throw DomainException.forbidden("evidence.withheld", "该诉求人要求保密，证据材料不向企业方提供",
                "The worker asked for confidentiality; evidence is not shown to the enterprise");
        }
        return evidence.open(grievanceId, fileId).orElseThrow(() -> DomainException.notFound(
            "evidence.unknown", "该诉求没有这份证据材料", "This grievance has no such evidence file"));
    }

    static DomainException notFound(String grievanceId) {
        return DomainException.notFound("grievance.unknown", "没有编号为 " + grievanceId + " 的诉求",
            "No grievance " + grievanceId);
    }
}
