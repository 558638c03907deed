package se.samplan.notification.email;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.plan.PlanCreated;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real SMTP server: one email per event however often it arrives, and none lost while SMTP is down; the
 * email of an event is sent in the trace its Kafka record carries.
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(properties = {"samplan.mail.poll-interval=PT0.2S", "samplan.mail.first-retry=PT0.2S",
        "samplan.mail.max-retry=PT1S"})
class PlanCreatedEmailTest {

    static final TestSmtp smtp = TestSmtp.start();
    static String topic;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres postgres = TestPostgres.get();
        String database = postgres.createDatabase("notification");
        topic = "plans-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.get().createTopic(topic, 3);
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka.get()::bootstrapServers);
        registry.add("samplan.consumer.topics", () -> topic);
        registry.add("samplan.consumer.group", () -> "notification-" + topic);
        registry.add("spring.mail.host", smtp::host);
        registry.add("spring.mail.port", smtp::port);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.down();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void up() {
        smtp.up();
        smtp.purge();
    }

    @Test
    void aPlanCreatedEventDeliveredThreeTimesSendsOneEmail() throws Exception {
        EventEnvelope created = planCreated("Kommunikationsplan för eHälsalyftet");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topic, created);
            producer.send(topic, created);
            producer.send(topic, created);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 1);
        Thread.sleep(1_500);  // what else would come, comes by now: the dispatcher polls every 0.2 s
        assertThat(smtp.received()).hasSize(1);

        MimeMessage mail = smtp.received().get(0);
        assertThat(mail.getSubject()).isEqualTo("Ny plan: Kommunikationsplan för eHälsalyftet");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("plans@sll.samplan.local");
        Map<String, String> parts = new java.util.HashMap<>();
        collectTextParts(mail, parts);
        assertThat(parts.get("text/plain")).contains("Period: 2016-01-01 – 2018-12-31");
        assertThat(parts.get("text/html")).contains("<strong>Kommunikationsplan för eHälsalyftet</strong>");

        Map<String, Object> row = jdbc.queryForMap("SELECT status, smtp_message_id FROM outbound_email WHERE idempotency_key LIKE ?",
                created.eventId() + "%");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("smtp_message_id")).isEqualTo(mail.getMessageID());
    }

    @Test
    void whileSmtpIsDownEmailsWaitAndAreDeliveredOnceWhenItIsBack() throws Exception {
        smtp.down();
        EventEnvelope first = planCreated("Projektplan E-serviceverkstad");
        EventEnvelope second = planCreated("Barn och unga i fokus");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topic, first);
            producer.send(topic, second);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM outbound_email WHERE status = 'PENDING' AND attempts >= 2 AND (idempotency_key LIKE ? OR idempotency_key LIKE ?)",
                Integer.class, first.eventId() + "%", second.eventId() + "%") == 2);

        smtp.up();

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
        Thread.sleep(1_500);
        assertThat(smtp.received()).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Ny plan: Projektplan E-serviceverkstad", "Ny plan: Barn och unga i fokus");
    }

    /**
     * The intake applies a poll in one transaction; a record in it that cannot be read fails that
     * transaction, so the poll is applied record by record: the events around it still send their
     * emails, and the bad record is kept as rejected.
     */
    @Test
    void anUnreadableRecordIsRejectedAndTheEventsAroundItInThePollStillSendTheirEmails() throws Exception {
        EventEnvelope before = planCreated("Plan före");
        EventEnvelope after = planCreated("Plan efter");
        String key = "same-partition";
        byte[] unreadable = "inte JSON".getBytes(StandardCharsets.UTF_8);
        double splitBefore = splitPolls();
        Map<String, Object> config = Map.of("bootstrap.servers", TestKafka.get().bootstrapServers(), "linger.ms", 200);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                config, new StringSerializer(), new ByteArraySerializer())) {
            // Sent together, so that the intake gets them in one poll.
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(before)));
            producer.send(new ProducerRecord<>(topic, key, unreadable));
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(after)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
        assertThat(smtp.received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Ny plan: Plan före", "Ny plan: Plan efter");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rejected_event WHERE topic = ? AND value = ?", Integer.class, topic,
                unreadable) == 1);
        // The poll holding it failed as a whole and was applied record by record.
        assertThat(splitPolls()).isGreaterThan(splitBefore);
    }

    private double splitPolls() {
        return meters.get("samplan.events.polls.split").tag("consumer", "notification").counter().count();
    }

    @Test
    void theEmailOfATracedEventIsSentInItsTraceAndNamesIt() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String publisherSpan = "00f067aa0ba902b7";
        EventEnvelope traced = planCreated("Spårad plan");
        EventEnvelope untraced = planCreated("Plan utan spår");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topic, traced, "00-" + traceId + "-" + publisherSpan + "-01");
            producer.send(topic, untraced);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
        MimeMessage tracedMail = mail("Ny plan: Spårad plan");
        assertThat(tracedMail.getHeader(EmailDispatcher.TRACE_ID_HEADER, null)).isEqualTo(traceId);
        // Queued in the consumer's span, a child of the publisher's: the same trace, another span.
        assertThat(jdbc.queryForObject("SELECT traceparent FROM outbound_email WHERE idempotency_key LIKE ?",
                String.class, traced.eventId() + "%"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(publisherSpan);

        // A record without trace context is a trace of its own, still named in its email.
        assertThat(mail("Ny plan: Plan utan spår").getHeader(EmailDispatcher.TRACE_ID_HEADER, null))
                .matches("[0-9a-f]{32}")
                .isNotEqualTo(traceId);
    }

    private static MimeMessage mail(String subject) throws Exception {
        for (MimeMessage mail : smtp.received()) {
            if (subject.equals(mail.getSubject())) {
                return mail;
            }
        }
        throw new AssertionError("No email " + subject);
    }

    private static void collectTextParts(jakarta.mail.Part part, Map<String, String> parts) throws Exception {
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectTextParts(multipart.getBodyPart(i), parts);
            }
        } else if (part.getContent() instanceof String text) {
            parts.put(part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT), text);
        }
    }

    private static EventEnvelope planCreated(String title) {
        String planId = UUID.randomUUID().toString();
        return EventProducer.envelope(new PlanCreated(planId, "sll", title, LocalDate.of(2016, 1, 1),
                LocalDate.of(2018, 12, 31), "person-1"), planId, 0, Instant.now());
    }
}
