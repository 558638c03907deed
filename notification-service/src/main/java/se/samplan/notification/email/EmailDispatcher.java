package se.samplan.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.activation.FileTypeMap;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.notification.people.PersonDirectory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds. Each round leases a batch of due emails (SKIP LOCKED, so senders and
 * instances share the work and never send one email twice at once), sends them over one SMTP
 * connection and records each outcome as soon as it is known, a sent one in the transaction around its send
 * ({@link Outbox#sendRecorded}): a process killed mid-round has recorded every email the SMTP server accepted
 * but one whose commit was under way, and the rest of its lease goes out once the lease has passed. An SMTP
 * server that is down or answers 4xx means a retry with doubling backoff; a permanent 5xx rejection of the
 * address marks the email rejected, shown in the outbox, not retried.
 *
 * <p>Each send is a span continuing the trace the email was queued in, so the SMTP send of an email caused by a
 * request is in that request's trace; the trace id also goes into the {@value #TRACE_ID_HEADER} header.
 */
@Component
class EmailDispatcher {

    static final String TRACE_ID_HEADER = "X-Samplan-Trace-Id";
    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    static {
        // Jakarta Mail 2.1 and Activation look their providers up through ServiceLoader on every multipart,
        // body part and encoded header (jakartaee/mail-api#699, #861): a scan of every jar in the service's
        // jar, most of an email's CPU in the reminder benchmark. Their finders take a named provider first.
        provider("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        provider("jakarta.activation.spi.MimeTypeRegistryProvider", "org.eclipse.angus.activation.MimeTypeRegistryProviderImpl");
        provider("jakarta.activation.spi.MailcapRegistryProvider", "org.eclipse.angus.activation.MailcapRegistryProviderImpl");
    }

    /**
     * The file types of attachments, which these emails do not have; MimeMessageHelper would otherwise read
     * every mime.types on the class path again for each email.
     */
    private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    private final Outbox outbox;
    private final JavaMailSenderImpl mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final PersonDirectory people;
    private final Tracer tracer;
    private final TraceParents traceParents;
    private final ExecutorService senders;

    EmailDispatcher(Outbox outbox, JavaMailSenderImpl mailSender, MailProperties properties,
                    TransactionTemplate transaction, MeterRegistry meters, PersonDirectory people,
                    Tracer tracer, TraceParents traceParents) {
        this.people = people;
        this.tracer = tracer;
        this.traceParents = traceParents;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = transaction;
        this.meters = meters;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(), work -> {
            Thread thread = new Thread(work, "email-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${samplan.mail.poll-interval:PT1S}")
    void sendDue() {
        if (!properties.dispatch()) {
            return;
        }
        // An email waits on the SMTP server's answers far longer than it takes CPU, so a backlog (the morning's
        // reminders) goes out through several connections at once; each sender locks its own rounds.
        List<Future<?>> rounds = new ArrayList<>();
        for (int i = 0; i < properties.senders(); i++) {
            rounds.add(senders.submit(this::sendRounds));
        }
        try {
            for (Future<?> round : rounds) {
                round.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending emails failed", e.getCause());
        }
    }

    private void sendRounds() {
        int leased;
        boolean finished;
        do {
            // Measured from before the lease is taken, so the round ends before the lease does whatever the clocks say.
            long deadline = System.nanoTime() + properties.lease().dividedBy(4).toNanos();
            Deque<OutboundEmail> left = new ArrayDeque<>(outbox.leaseDue(properties.batchSize(), properties.lease()));
            leased = left.size();
            // One SMTP connection for the round: a server's greeting and EHLO cost more than a message.
            try (SmtpConnection smtp = new SmtpConnection()) {
                while (!left.isEmpty() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                    send(left.removeFirst(), smtp);
                }
            } finally {
                finished = left.isEmpty();
                if (!finished) {
                    // Slow SMTP or a shutdown: a later round sends these, rather than this one past its lease.
                    outbox.release(left.stream().map(OutboundEmail::id).toList());
                }
            }
        } while (finished && leased == properties.batchSize());
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    private void send(OutboundEmail email, SmtpConnection smtp) {
        Span span = sendSpan(email);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            send(email, span.context().traceId(), smtp);
        } finally {
            span.end();
        }
    }

    /** A child of the trace the email was queued in; without one, of the current (scheduled) work. */
    private Span sendSpan(OutboundEmail email) {
        return traceParents.continuing(email.traceParent()).name("send email").kind(Span.Kind.CLIENT).tag("samplan.email.kind", email.kind()).start();
    }

    private void send(OutboundEmail email, String traceId, SmtpConnection smtp) {
        try {
            MimeMessage message = new StableIdMessage(mailSender.getSession(), messageId(email));
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(properties.from());
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            helper.setText(email.bodyText(), email.bodyHtml());
            if (email.unsubscribeUrl() != null) {
                // RFC 8058: mail clients offer one-click unsubscribe with a POST to this URL.
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader(TRACE_ID_HEADER, traceId);
            message.setSentDate(new Date());
            message.saveChanges();
            outbox.sendRecorded(email.id(), message.getMessageID(), () -> smtp.send(message));
            log.info("Sent {} email {}", email.kind(), email.id());
            meters.counter("samplan.emails.sent", "kind", email.kind()).increment();
        } catch (MessagingException e) {
            if (isPermanentRejection(e)) {
                log.warn("SMTP rejected {} for {} permanently: {}", email.kind(), email.recipient(), e.getMessage());
                transaction.executeWithoutResult(status -> {
                    outbox.markRejected(email.id(), String.valueOf(e.getMessage()));
                    if (email.personId() != null) {
                        people.markRejected(email.personId());
                    }
                });
                meters.counter("samplan.emails.rejected", "kind", email.kind()).increment();
            } else {
                Duration wait = backoff(email.attempts());
                log.info("Sending {} to {} failed (attempt {}), retrying in {}: {}", email.kind(), email.recipient(),
                        email.attempts() + 1, wait, e.getMessage());
                outbox.retryLater(email.id(), Instant.now().plus(wait), String.valueOf(e.getMessage()));
                meters.counter("samplan.emails.failed", "kind", email.kind()).increment();
            }
        }
    }

    /**
     * An SMTP connection opened at the first message and kept for the next ones. After a failed message
     * it is closed and the next message opens a new one, so one failure does not fail the rest of the round.
     */
    private final class SmtpConnection implements AutoCloseable {
        private Transport transport;

        void send(MimeMessage message) throws MessagingException {
            try {
                connected().sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Not Transport.isConnected(): Angus asks the server with a NOOP each time. */
        private Transport connected() throws MessagingException {
            if (transport == null) {
                // As JavaMailSenderImpl connects: an empty user name means no authentication.
                String user = mailSender.getUsername() == null || mailSender.getUsername().isEmpty() ? null : mailSender.getUsername();
                Transport opening = mailSender.getSession().getTransport(mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
                opening.connect(mailSender.getHost(), mailSender.getPort(), user, user == null ? null : mailSender.getPassword());
                transport = opening;
            }
            return transport;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection failed: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    private static void provider(String service, String implementation) {
        if (System.getProperty(service) == null) {
            System.setProperty(service, implementation);
        }
    }

    Duration backoff(int attemptsSoFar) {
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    /** A 5xx for the address or the message: sending it again will not help. */
    static boolean isPermanentRejection(MessagingException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SMTPAddressFailedException address) {
                return address.getReturnCode() >= 500;
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            cause = cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                    ? sendFailed.getNextException() : cause.getCause();
        }
        return false;
    }

    /** The same email always has the same Message-ID, so a receiver can tell a resend from a new email. */
    private static String messageId(OutboundEmail email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.idempotencyKey().getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@samplan>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jakarta Mail replaces Message-ID on every save; this keeps the one derived from the key. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
