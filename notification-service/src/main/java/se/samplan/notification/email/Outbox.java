package se.samplan.notification.email;

import jakarta.mail.MessagingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Emails to send, each under an idempotency key (event, kind, recipient) that is stored before any
 * attempt: whatever is redelivered or restarted, one key is one email.
 *
 * <p>Each email keeps the W3C trace context ({@code traceparent}) of the work that queued it, e.g. the Kafka
 * record of the event it is about, so its sending continues the same trace.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final TraceParents traceParents;
    private final TransactionTemplate transaction;

    Outbox(JdbcTemplate jdbc, TraceParents traceParents, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.traceParents = traceParents;
        this.transaction = transaction;
    }

    /** Queues an email to go now; false when its key was queued before. */
    public boolean queue(OutboundEmail email) {
        return queue(email, Instant.now());
    }

    /** Queues an email not to go before {@code notBefore}; false when its key was queued before. */
    public boolean queue(OutboundEmail email, Instant notBefore) {
        return jdbc.update("""
                        INSERT INTO outbound_email (idempotency_key, association_id, kind, recipient, subject, body_text,
                                                    body_html, status, attempts, next_attempt_at, created_at, person_id,
                                                    unsubscribe_url, traceparent)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, now(), ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""",
                email.idempotencyKey(), email.associationId(), email.kind(), email.recipient(), email.subject(),
                email.bodyText(), email.bodyHtml(), Timestamp.from(notBefore), email.personId(),
                email.unsubscribeUrl(), traceParents.current()) == 1;
    }


    /**
     * Leases up to {@code limit} due emails to one round, in a transaction of its own: their next attempt moves to
     * the lease's end, so no other sender or instance takes them meanwhile (SKIP LOCKED: nor while this statement
     * runs). Each is then recorded as sent, retried or rejected on its own; one not recorded by the lease's end,
     * because its sender died, is due again then.
     */
    List<OutboundEmail> leaseDue(int limit, Duration lease) {
        List<OutboundEmail> leased = new ArrayList<>(jdbc.query("""
                UPDATE outbound_email SET next_attempt_at = now() + ? * interval '1 millisecond'
                 WHERE id IN (SELECT id FROM outbound_email
                               WHERE status = 'PENDING' AND next_attempt_at <= now()
                               ORDER BY id
                               LIMIT ?
                                 FOR UPDATE SKIP LOCKED)
                RETURNING id, idempotency_key, association_id, kind, recipient, subject, body_text, body_html, attempts,
                          person_id, unsubscribe_url, traceparent""", (rs, row) -> new OutboundEmail(rs.getLong("id"),
                rs.getString("idempotency_key"), rs.getString("association_id"), rs.getString("kind"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getInt("attempts"), rs.getString("person_id"), rs.getString("unsubscribe_url"), rs.getString("traceparent")),
                lease.toMillis(), limit));
        // RETURNING keeps no order; oldest first, as queued.
        leased.sort(Comparator.comparingLong(OutboundEmail::id));
        return leased;
    }

    /** Gives leased emails that a round did not get to back: due now, for the next round. */
    void release(List<Long> ids) {
        jdbc.update("UPDATE outbound_email SET next_attempt_at = now() WHERE status = 'PENDING' AND id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())));
    }

    /** Hands one email to the SMTP server. */
    @FunctionalInterface
    interface Send {
        void run() throws MessagingException;
    }

    /**
     * Records the email as sent, then hands it to the SMTP server, in one transaction that commits the instant the
     * server has accepted it; a failed send rolls the record back. A process killed between the server's 250 and the
     * commit sends the email again later (under the same Message-ID): recording first leaves only the commit's round
     * trip in that window, where recording after the send added a wait for a pooled connection and a statement. The
     * commit does not wait for its WAL flush, which would widen the window on every email: a PostgreSQL crash right
     * after it may lose the record, and the email goes again, as when the process dies in the window. The connection
     * is held for the send (senders of the pool's connections at most).
     */
    void sendRecorded(long id, String messageId, Send send) throws MessagingException {
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL synchronous_commit = off");
                markSent(id, messageId);
                try {
                    send.run();
                } catch (MessagingException e) {
                    throw new NotSent(e);
                }
            });
        } catch (NotSent e) {
            throw e.failure;
        }
    }

    /** Carries a failed send out of the transaction, which it rolls back. */
    private static final class NotSent extends RuntimeException {
        private final MessagingException failure;

        NotSent(MessagingException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    private void markSent(long id, String messageId) {
        jdbc.update("UPDATE outbound_email SET status = 'SENT', sent_at = now(), attempts = attempts + 1, "
                + "smtp_message_id = ?, last_error = NULL WHERE id = ?", messageId, id);
    }

    void retryLater(long id, Instant next, String error) {
        jdbc.update("UPDATE outbound_email SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(next), error, id);
    }

    void markRejected(long id, String error) {
        jdbc.update("UPDATE outbound_email SET status = 'REJECTED', attempts = attempts + 1, last_error = ? WHERE id = ?",
                error, id);
    }
}
