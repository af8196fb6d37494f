package cn.huiyin.followup.domain.casefile;

/** How the handling organisation reached the worker first (先行联系的方式). */
public enum ContactChannel {
    PHONE, SMS, IN_PERSON, ONLINE
}
