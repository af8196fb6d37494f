package cn.huiyin.jointmeeting.domain.meeting;

import java.util.List;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;

/** A meeting cannot conclude yet: each missing part (an undecided item, empty minutes) is named. */
public class ConclusionRefused extends DomainException {

    private final List<FieldProblem> problems;

    public ConclusionRefused(List<FieldProblem> problems) {
        super(Kind.CONFLICT, "meeting.not-ready", "会议尚不能结束：" + problems.size() + " 处未完成",
            "The meeting cannot conclude yet: " + problems.size() + " thing(s) missing");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
