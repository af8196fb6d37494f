package cn.huiyin.followup.domain.supervision;

/** The card a supervision step shows against the handling organisation (督办亮牌). */
public enum Card {
    NONE, YELLOW, RED;

    public Card max(Card other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
