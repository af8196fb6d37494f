package cn.huiyin.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkersAffectedTest {

    @Test
    void headCountsNextToWordsForPeopleAreRead() {
        assertThat(WorkersAffected.in("12名骑手被欠薪").getAsInt()).isEqualTo(12);
        assertThat(WorkersAffected.in("十几位快递员").getAsInt()).isEqualTo(13);
        assertThat(WorkersAffected.in("三十多个司机").getAsInt()).isEqualTo(30);
        assertThat(WorkersAffected.in("站里二十三名外卖员").getAsInt()).isEqualTo(23);
        assertThat(WorkersAffected.in("上百名骑手").getAsInt()).isEqualTo(100);
        assertThat(WorkersAffected.in("几十个人").getAsInt()).isEqualTo(30);
    }

    @Test
    void numbersThatAreNotPeopleAreIgnored() {
        assertThat(WorkersAffected.in("相差15分钟")).isEmpty();
        assertThat(WorkersAffected.in("两个月工资没发")).isEmpty();
        assertThat(WorkersAffected.in("2026年11月成龙大道二段")).isEmpty();
        assertThat(WorkersAffected.in(null)).isEmpty();
    }
}
