package se.samplan.notification.invitation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.association.MemberInvited;
import se.samplan.notification.email.MailProperties;
import se.samplan.notification.email.OutboundEmail;
import se.samplan.notification.email.Outbox;
import se.samplan.notification.email.TraceParents;
import se.samplan.notification.intake.EventReaction;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The invitation email of {@code MemberInvited}, in the member's language (Swedish unless English).
 * The event names the member by id only, so the intake keeps a pending invitation (in the event's
 * transaction, once per event), and a sweep asks plan-service's directory for the name and address
 * and queues the email in the outbox under (event, invitation, member). While plan-service does not
 * answer, the invitation waits and is asked again with the outbox's doubling backoff; a member removed (or
 * already logged in) before that gets no invitation.
 */
@Component
class InvitationEmails implements EventReaction {

    static final String KIND = "invitation";
    private static final Logger log = LoggerFactory.getLogger(InvitationEmails.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MemberDirectory directory;
    private final Outbox outbox;
    private final MailProperties mail;
    private final Tracer tracer;
    private final TraceParents traceParents;

    InvitationEmails(JdbcTemplate jdbc, TransactionTemplate transaction, MemberDirectory directory, Outbox outbox,
                     MailProperties mail, Tracer tracer, TraceParents traceParents) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.directory = directory;
        this.outbox = outbox;
        this.mail = mail;
        this.tracer = tracer;
        this.traceParents = traceParents;
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event) {
        if (!(event instanceof MemberInvited invited)) {
            return;
        }
        jdbc.update("""
                        INSERT INTO pending_invitation (event_id, association_id, member_id, language, traceparent)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                envelope.eventId(), invited.associationId(), invited.memberId(), invited.language(), traceParents.current());
    }

    private record Pending(UUID eventId, String associationId, String memberId, String language, String traceParent,
                           int attempts) { }

    @Scheduled(fixedDelayString = "${samplan.mail.poll-interval:PT1S}")
    void queueDue() {
        transaction.executeWithoutResult(status -> {
            // Locked for this transaction: another instance takes other invitations rather than these.
            List<Pending> due = jdbc.query("""
                    SELECT event_id, association_id, member_id, language, traceparent, attempts FROM pending_invitation
                     WHERE next_attempt <= now() ORDER BY next_attempt LIMIT 20 FOR UPDATE SKIP LOCKED""",
                    (rs, n) -> new Pending(rs.getObject("event_id", UUID.class), rs.getString("association_id"),
                            rs.getString("member_id"), rs.getString("language"), rs.getString("traceparent"),
                            rs.getInt("attempts")));
            boolean answering = true;
            for (Pending pending : due) {
                // Once the directory does not answer, the rest wait too instead of each waiting for its timeout.
                answering = answering ? queue(pending) : defer(pending, "not asked: the directory did not answer");
            }
        });
    }

    /** Queues the pending invitation's email; false if the directory did not answer. */
    private boolean queue(Pending pending) {
        Span span = traceParents.continuing(pending.traceParent()).name("invitation").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            MemberDirectory.Answer answer = directory.member(pending.associationId(), pending.memberId());
            if (answer instanceof MemberDirectory.Unavailable unavailable) {
                return defer(pending, unavailable.why());
            }
            if (answer instanceof MemberDirectory.Found found && "INVITED".equals(found.member().status())) {
                outbox.queue(email(pending, found.member()));
            } else {
                log.info("No invitation for {}: no longer invited", pending.memberId());
            }
            jdbc.update("DELETE FROM pending_invitation WHERE event_id = ?", pending.eventId());
            return true;
        } finally {
            span.end();
        }
    }

    private boolean defer(Pending pending, String why) {
        Duration wait = backoff(pending.attempts());
        log.warn("Invitation of {} waits {}: {}", pending.memberId(), wait, why);
        jdbc.update("UPDATE pending_invitation SET attempts = attempts + 1, next_attempt = now() + ? * interval '1 millisecond' "
                + "WHERE event_id = ?", wait.toMillis(), pending.eventId());
        return false;
    }

    private OutboundEmail email(Pending pending, MemberDirectory.Member member) {
        boolean english = "en".equals(pending.language());
        String link = mail.baseUrl() + "/";
        String roles = member.roles().stream().map(r -> role(r, english)).collect(Collectors.joining(", "));
        String subject = english ? "Invitation to " + member.associationName() + " in Samplan"
                : "Inbjudan till " + member.associationName() + " i Samplan";
        String text = english ? """
                Hello %s,

                You have been invited to %s in Samplan, where the association plans and follows up its
                communication. Your roles: %s.

                Log in at %s with your email address %s.

                This message was sent automatically by Samplan.
                """ : """
                Hej %s!

                Du har bjudits in till %s i Samplan, där förbundet planerar och följer upp sin
                kommunikation. Dina roller: %s.

                Logga in på %s med din e-postadress %s.

                Det här meddelandet skickades automatiskt av Samplan.
                """;
        String html = english ? """
                <!DOCTYPE html>
                <html lang="en"><body>
                <p>Hello %s,</p>
                <p>You have been invited to <strong>%s</strong> in Samplan. Your roles: %s.</p>
                <p><a href="%s">Log in to Samplan</a> with your email address %s.</p>
                <p>This message was sent automatically by Samplan.</p>
                </body></html>
                """ : """
                <!DOCTYPE html>
                <html lang="sv"><body>
                <p>Hej %s!</p>
                <p>Du har bjudits in till <strong>%s</strong> i Samplan. Dina roller: %s.</p>
                <p><a href="%s">Logga in i Samplan</a> med din e-postadress %s.</p>
                <p>Det här meddelandet skickades automatiskt av Samplan.</p>
                </body></html>
                """;
        return OutboundEmail.of(pending.eventId() + ":" + KIND + ":" + member.memberId(), member.associationId(), KIND,
                member.email(), subject,
                text.formatted(member.name(), member.associationName(), roles, link, member.email()),
                html.formatted(escape(member.name()), escape(member.associationName()), escape(roles), escape(link),
                        escape(member.email())),
                member.memberId(), null);
    }

    private static String role(String role, boolean english) {
        return switch (role) {
            case "association-admin" -> english ? "association administrator" : "förbundsadministratör";
            case "plan-owner" -> english ? "plan owner" : "planägare";
            case "communicator" -> english ? "communicator" : "kommunikatör";
            case "contributor" -> english ? "contributor" : "medverkande";
            case "reader" -> english ? "reader" : "läsare";
            default -> role;
        };
    }

    /** The outbox's own backoff (MAIL_FIRST_RETRY doubling up to MAIL_MAX_RETRY). */
    private Duration backoff(int attempts) {
        Duration wait = mail.firstRetry().multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(mail.maxRetry()) > 0 ? mail.maxRetry() : wait;
    }


    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
