package cn.huiyin.dashboard.application.query;

import cn.huiyin.dashboard.domain.cell.Dimension;

/** Names of categories and divisions for rows (port: the shared reference data). */
public interface Labels {

    /** A name for the value of a dimension, or null if there is none to give. */
    String of(Dimension dimension, String value);
}
