package cn.huiyin.intake.domain;

/**
 * Numbers the grievance is known by elsewhere.
 *
 * @param hotlineTicket       12345 / 12328 work-order number
 * @param platformOrderNumber the platform's order, e.g. the delivery during which a rider was hurt
 */
public record ExternalReferences(String hotlineTicket, String platformOrderNumber) {
}
