package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.application.selfservice.WorkerSelfService;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/** Adds an evidence file to an open grievance: type checked by content, size bounded, stored in GridFS. */
public class AttachEvidence {

    private final Grievances grievances;
    private final EvidenceStore store;
    private final Clock clock;

    public AttachEvidence(Grievances grievances, EvidenceStore store, Clock clock) {
        this.grievances = grievances;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param by WORKER (self-service) or STAFF
     */
    public Evidence attach(Grievance grievance, String filename, byte[] content, String by) {
        String type = check(filename, content);
        if (!grievance.status().isOpen()) {
            throw DomainException.conflict("grievance.closed.evidence", "诉求" + grievance.status().zh() + "，不能再上传证据材料",
                "The grievance is " + grievance.status().en().toLowerCase() + " and can no longer be given more evidence");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String name = safeName(filename);
        String fileId = store.store(grievance.id(), name, type, content);
        Evidence evidence = new Evidence(fileId, name, type, content.length, now, by);
        grievance.attach(evidence, now);
        if ("WORKER".equals(by)) {
            WorkerSelfService.saveAsWorker(grievances, grievance);
        } else {
            grievances.update(grievance);
        }
        return evidence;
    }

    private static String check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("file.empty", "文件为空", "the file is empty");
        }
        if (content.length > EvidenceTypes.MAX_BYTES) {
            throw invalid("file.too-large", "文件超过 10 MB", "the file is larger than 10 MB");
        }
        return EvidenceTypes.detect(content).orElseThrow(() -> invalid("file.type",
            "只接受 JPEG、PNG、GIF、WebP、HEIC 图片或 PDF 文件（按文件内容判断）",
            "only JPEG, PNG, GIF, WebP or HEIC pictures and PDF documents are accepted (judged by content)"));
    }

    /** Keeps the name readable but harmless in a download header. */
    static String safeName(String filename) {
        String name = filename == null || filename.isBlank() ? "evidence" : filename;
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private static InvalidFieldsException invalid(String code, String zh, String en) {
        return new InvalidFieldsException(List.of(new FieldProblem("file", code, zh, en)));
    }
}
