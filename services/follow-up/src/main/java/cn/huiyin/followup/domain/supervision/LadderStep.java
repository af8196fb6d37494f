package cn.huiyin.followup.domain.supervision;

/**
 * The steps of the supervision ladder (督办阶梯), in the order they come. Each is issued at most once per time limit.
 */
public enum LadderStep {
    /** 催办 when 75 % of the allowed working time is used. */
    REMINDER_75("临期催办（已用时限75%）", "reminder at 75 % of the limit", Card.NONE),
    /** 催办 when the deadline comes. */
    REMINDER_AT_LIMIT("到期催办", "reminder at the deadline", Card.NONE),
    /** 黄牌督办: the deadline is breached; escalated to the organisation above. */
    YELLOW_CARD("超期黄牌督办", "yellow card: deadline breached, escalated to the organisation above", Card.YELLOW),
    /** 红牌督办: twice the allowed time has passed; escalated one level higher still. */
    RED_CARD("超期红牌督办（超过两倍时限）", "red card: twice the limit, escalated one level higher", Card.RED);

    private final String nameZh;
    private final String nameEn;
    private final Card card;

    LadderStep(String nameZh, String nameEn, Card card) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.card = card;
    }

    public boolean isReminder() {
        return card == Card.NONE;
    }

    public Card card() {
        return card;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
