package cn.huiyin.notifications.messaging;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;

/**
 * The console's in-app inbox: the stored message itself is the inbox entry ({@code GET /api/notifications/inbox}), so
 * delivering it is marking it delivered, which the caller does in the same write.
 */
class InboxChannel implements MessageChannel {

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public DeliveryStatus send(Outgoing message) {
        return DeliveryStatus.DELIVERED;
    }
}
