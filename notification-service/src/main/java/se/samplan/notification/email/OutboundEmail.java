package se.samplan.notification.email;

/** One email in the outbox; {@code id} is 0 until stored. */
record OutboundEmail(long id, String idempotencyKey, String associationId, String kind, String recipient,
                     String subject, String bodyText, String bodyHtml, int attempts) {
}
