package cn.huiyin.followup.domain.casefile;

/**
 * The stage a worker sees in the self-service (intake renders it in Chinese), carried by the events that change it.
 */
public final class WorkerStage {

    /** 已联系您. */
    public static final String CONTACTED = "CONTACTED";
    /** 办理中. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** 等待您补充材料. */
    public static final String WAITING_FOR_MATERIAL = "WAITING_FOR_MATERIAL";
    /** 已办理（附处理结果）. */
    public static final String RESOLVED = "RESOLVED";
    /** 已回访. */
    public static final String CALLED_BACK = "CALLED_BACK";
    /** 重新办理. */
    public static final String REOPENED = "REOPENED";
    /** 已结案. */
    public static final String CLOSED = "CLOSED";

    private WorkerStage() {
    }
}
