package cn.huiyin.dashboard;

import cn.huiyin.platform.test.LayersScenario;

/** The house's layers in dashboard's sources (see {@link LayersScenario}). */
class LayersTest extends LayersScenario {

    LayersTest() {
        super("dashboard");
    }
}
