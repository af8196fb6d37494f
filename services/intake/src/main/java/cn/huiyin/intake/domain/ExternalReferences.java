package cn.huiyin.intake.domain;

/**
 * Numbers the grievance is known by elsewhere.
 *
 * @param hotlineTicket       12345 / 12328 work-order number
 * @param platformOrderNumber the platform's order, e.g. the delivery during which a rider was hurt
 * @param ledger              the row of a city's earlier ledger (台账) it was imported from, or null
 */
public record ExternalReferences(String hotlineTicket, String platformOrderNumber, LedgerEntry ledger) {

    public ExternalReferences(String hotlineTicket, String platformOrderNumber) {
        this(hotlineTicket, platformOrderNumber, null);
    }
}
