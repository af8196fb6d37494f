package cn.huiyin.followup.domain.clock;

import java.util.List;

import cn.huiyin.followup.domain.supervision.LadderStep;

/** What a time limit (时限) is for, and which steps of the supervision ladder watch it. */
public enum LimitKind {
    /** 响应: sign-for and first contact with the worker, counted from submission. */
    RESPONSE("响应", "response", LadderStep.values()),
    /** 办结: resolution, counted from submission (or from a reopen), paused while waiting for the worker. */
    RESOLUTION("办结", "resolution", LadderStep.values()),
    /** 联席会议任务: an action item a joint meeting gave a department. */
    ACTION_ITEM("联席会议任务", "action item", LadderStep.values()),
    /** 督办回复: the reply a supervisor's manual 督办 asked for. */
    SUPERVISION_REPLY("督办回复", "reply to supervision", LadderStep.REMINDER_AT_LIMIT, LadderStep.YELLOW_CARD);

    private final String nameZh;
    private final String nameEn;
    private final List<LadderStep> steps;

    LimitKind(String nameZh, String nameEn, LadderStep... steps) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.steps = List.of(steps);
    }

    public List<LadderStep> steps() {
        return steps;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
