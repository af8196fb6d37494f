package cn.huiyin.followup;

import cn.huiyin.platform.test.LayersScenario;

/** The house's layers in follow-up's sources (see {@link LayersScenario}). */
class LayersTest extends LayersScenario {

    LayersTest() {
        super("followup");
    }
}
