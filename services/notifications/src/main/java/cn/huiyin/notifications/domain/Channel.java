package cn.huiyin.notifications.domain;

/** How a message travels: text message (短信), e-mail, or the console's in-app inbox (站内信). */
public enum Channel {
    SMS,
    EMAIL,
    INBOX
}
