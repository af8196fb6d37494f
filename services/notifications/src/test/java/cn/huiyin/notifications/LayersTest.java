package cn.huiyin.notifications;

import cn.huiyin.platform.test.LayersScenario;

/** The house's layers in notifications's sources (see {@link LayersScenario}). */
class LayersTest extends LayersScenario {

    LayersTest() {
        super("notifications");
    }
}
