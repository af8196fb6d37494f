package cn.huiyin.platform.calendar;

/** What a calendar day is for office purposes in mainland China. */
public enum DayKind {

    /** An ordinary Monday to Friday. 工作日 */
    WORKDAY("工作日", true),

    /** An ordinary Saturday or Sunday. 周末 */
    WEEKEND("周末", false),

    /** A day off under the State Council holiday schedule, including the weekend days inside a holiday block. 放假 */
    HOLIDAY("放假", false),

    /** A Saturday or Sunday that is worked to pay back a holiday bridge day. 调休上班 */
    ADJUSTED_WORKDAY("调休上班", true);

    private final String chineseLabel;
    private final boolean workingDay;

    DayKind(String chineseLabel, boolean workingDay) {
        this.chineseLabel = chineseLabel;
        this.workingDay = workingDay;
    }

    /** Whether government offices are open on this kind of day. */
    public boolean isWorkingDay() {
        return workingDay;
    }

    /** Short Chinese label, e.g. for display next to a deadline. */
    public String chineseLabel() {
        return chineseLabel;
    }
}
