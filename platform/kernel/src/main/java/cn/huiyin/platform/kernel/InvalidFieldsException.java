package cn.huiyin.platform.kernel;

import java.util.List;

/** A request with fields that break rules a format check cannot see (an unknown category, a future date, ...). */
public class InvalidFieldsException extends DomainException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(Kind.INVALID, "fields.invalid", problems.size() + " 个字段有误", problems.size() + " field(s) are invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
