package cn.huiyin.intake.domain;

/** The new-employment groups (新就业群体) Huiyin serves. */
public enum WorkerGroup {
    /** 外卖骑手 / 网约配送员. */
    FOOD_DELIVERY_RIDER,
    /** 快递员. */
    COURIER,
    /** 网约车司机. */
    RIDE_HAILING_DRIVER,
    /** 货车司机. */
    TRUCK_DRIVER,
    /** 出租车司机. */
    TAXI_DRIVER,
    /** 网络主播. */
    ONLINE_STREAMER,
    /** 零工. */
    GIG_WORKER
}
