package cn.huiyin.triage.domain;

import java.util.Map;

/** Chinese names of the worker groups (新就业群体) intake records, for reasons people read. */
public final class WorkerGroups {

    private static final Map<String, String> NAMES = Map.of(
        "FOOD_DELIVERY_RIDER", "外卖骑手",
        "COURIER", "快递员",
        "RIDE_HAILING_DRIVER", "网约车司机",
        "TRUCK_DRIVER", "货车司机",
        "TAXI_DRIVER", "出租车司机",
        "ONLINE_STREAMER", "网络主播",
        "GIG_WORKER", "零工");

    private WorkerGroups() {
    }

    public static String nameZh(String group) {
        return group == null ? "未注明群体" : NAMES.getOrDefault(group, group);
    }

    public static boolean isKnown(String group) {
        return group != null && NAMES.containsKey(group);
    }
}
