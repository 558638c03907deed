package se.samplan.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.notification.NotificationTestSupport;
import se.samplan.notification.people.PersonDirectory;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a sender that dies mid-round leaves behind, against a real database and SMTP server: every email the SMTP
 * server accepted is recorded as sent at once, so it does not go again, and the emails it had leased but not sent
 * go out later, once. The service's own dispatcher is off; each test drives one of its own.
 */
@SpringBootTest(properties = "samplan.mail.dispatch=false")
class EmailLeaseTest {

    static final TestSmtp smtp = TestSmtp.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        NotificationTestSupport.properties(TestPostgres.get().createDatabase("notification"), NotificationTestSupport.topics(), smtp)
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopSmtp() {
        smtp.down();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TraceParents traceParents;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PersonDirectory people;
    @Autowired
    Tracer tracer;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM outbound_email");
        smtp.purge();
    }

    @Test
    void anEmailTheSmtpServerAcceptedIsNotSentAgainWhenItsSenderDiesMidRound() {
        queue(3);
        AtomicBoolean dying = new AtomicBoolean(true);
        // The sender dies right after sending and recording its first email, before it gets to the other two of its round.
        Outbox dyingAfterFirst = new Outbox(jdbc, traceParents, transaction) {
            @Override
            void sendRecorded(long id, String messageId, Send send) throws MessagingException {
                super.sendRecorded(id, messageId, send);
                if (dying.getAndSet(false)) {
                    throw new Death();
                }
            }
        };
        EmailDispatcher sender = dispatcher(dyingAfterFirst, Duration.ofMinutes(2));
        assertThatThrownBy(sender::sendDue).hasRootCauseInstanceOf(Death.class);
        assertThat(smtp.received()).hasSize(1);
        assertThat(statuses()).containsExactly("SENT", "PENDING", "PENDING");

        // The next round, of this or another sender, sends the other two, and the first not again.
        sender.sendDue();
        assertThat(messageIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(statuses()).containsExactly("SENT", "SENT", "SENT");
    }

    @Test
    void aSendThatFailsLeavesNoRecordOfIt() throws MessagingException {
        queue(1);
        long id = jdbc.queryForObject("SELECT id FROM outbound_email", Long.class);
        assertThatThrownBy(() -> outbox.sendRecorded(id, "<x@samplan>", () -> {
            throw new MessagingException("Connection reset");
        })).isInstanceOf(MessagingException.class).hasMessage("Connection reset");
        assertThat(statuses()).containsExactly("PENDING");
        assertThat(jdbc.queryForMap("SELECT attempts, sent_at, smtp_message_id FROM outbound_email"))
                .containsEntry("attempts", 0).containsEntry("sent_at", null).containsEntry("smtp_message_id", null);

        outbox.sendRecorded(id, "<x@samplan>", () -> { });
        assertThat(statuses()).containsExactly("SENT");
    }

    @Test
    void leasedEmailsAreNoOneElsesUntilTheLeaseHasPassedAndThenGoOutOnce() {
        queue(2);
        // A round that took these two and died without a word: the kill -9 of its instance.
        assertThat(outbox.leaseDue(20, Duration.ofSeconds(2))).hasSize(2);
        EmailDispatcher other = dispatcher(outbox, Duration.ofSeconds(2));
        other.sendDue();
        assertThat(smtp.received()).isEmpty();
        assertThat(outbox.leaseDue(20, Duration.ofSeconds(2))).isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            other.sendDue();
            return smtp.received().size() >= 2;
        });
        other.sendDue();
        assertThat(messageIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(statuses()).containsExactly("SENT", "SENT");
    }

    private void queue(int emails) {
        for (int i = 0; i < emails; i++) {
            String key = "lease-test|" + UUID.randomUUID();
            assertThat(outbox.queue(new OutboundEmail(0, key, "finsam", "due-soon", "lena" + i + "@finsam.example",
                    "Påminnelse " + i, "Text " + i, "<p>Text " + i + "</p>", 0, null, null, null))).isTrue();
        }
    }

    private EmailDispatcher dispatcher(Outbox using, Duration lease) {
        MailProperties properties = new MailProperties("Samplan <noreply@samplan.local>", "http://localhost:8080",
                "plans@{association}.samplan.local", 20, Duration.ofMillis(200), Duration.ofSeconds(1), true, 1, lease);
        return new EmailDispatcher(using, mailSender, properties, transaction, meters, people, tracer, traceParents);
    }

    private List<String> statuses() {
        return jdbc.queryForList("SELECT status FROM outbound_email ORDER BY id", String.class);
    }

    private List<String> messageIds() {
        return smtp.received().stream().map(EmailLeaseTest::messageId).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the process dying: nothing after it in the round runs as planned. */
    private static final class Death extends Error {
    }
}
