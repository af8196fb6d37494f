package cn.huiyin.dashboard.domain.cell;

import java.time.LocalDate;
import java.time.YearMonth;

/** The periods cells are kept for: a day and a month (Beijing dates); weeks, quarters and years are summed from them. */
public enum Grain {
    DAY, MONTH;

    public String key(LocalDate date) {
        return this == DAY ? "D" + date : "M" + YearMonth.from(date);
    }
}
