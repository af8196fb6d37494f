package cn.huiyin.dashboard.domain.cell;

/**
 * One pre-aggregated cell: a territory ({@link Scopes}), a period ({@code D2026-11-20} or {@code M2026-11}) and a
 * breakdown. Its id in a projection generation is {@code <generation>|<scope>|<period>|<group>}.
 */
public record CellKey(String scope, String period, CellGroup group) {

    public String id(String generation) {
        return generation + "|" + scope + "|" + period + "|" + group.code();
    }
}
