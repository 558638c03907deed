package se.samplan.notification.email;

/**
 * One email in the outbox; {@code id} is 0 until stored. {@code personId} is the recipient in the
 * directory, if it is a person there; {@code unsubscribeUrl} goes into List-Unsubscribe. {@code traceParent} is
 * the W3C trace context of the work that queued it (stored by {@link Outbox#queue}), null where there was none.
 */
public record OutboundEmail(long id, String idempotencyKey, String associationId, String kind, String recipient,
                            String subject, String bodyText, String bodyHtml, int attempts, String personId,
                            String unsubscribeUrl, String traceParent) {

    /** A new email to queue. */
    public static OutboundEmail of(String idempotencyKey, String associationId, String kind, String recipient,
                                   String subject, String bodyText, String bodyHtml, String personId,
                                   String unsubscribeUrl) {
        return new OutboundEmail(0, idempotencyKey, associationId, kind, recipient, subject, bodyText, bodyHtml, 0,
                personId, unsubscribeUrl, null);
    }
}
