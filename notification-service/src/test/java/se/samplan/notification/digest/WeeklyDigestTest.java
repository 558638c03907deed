package se.samplan.notification.digest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.Responsible;
import se.samplan.notification.NotificationTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.notification.NotificationTestSupport.as;

/** The weekly digest: at the association's day and hour, once per person and week, what is due and overdue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WeeklyDigestTest {

    static final TestSmtp smtp = TestSmtp.start();
    static NotificationTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = NotificationTestSupport.topics();
        NotificationTestSupport.properties(TestPostgres.get().createDatabase("notification"), topics, smtp)
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopSmtp() {
        smtp.down();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    WeeklyDigest digest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachPersonGetsOneDigestAWeekWithWhatIsDueAndOverdue() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        http.exchange("/api/notifications/people/katja", HttpMethod.PUT, as("vkl", "admin", "association-admin",
                Map.of("name", "Katja Kamila", "email", "katja@vkl.example", "roles", List.of("Projektledare"))), String.class);
        http.exchange("/api/notifications/people/asa", HttpMethod.PUT, as("vkl", "admin", "association-admin",
                Map.of("name", "Åsa", "email", "asa@vkl.example", "language", "en")), String.class);
        assertThat(http.exchange("/api/notifications/digest-settings", HttpMethod.PUT, as("vkl", "katja", "", Map.of(
                "dayOfWeek", today.getDayOfWeek().getValue(), "hour", 0)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        http.exchange("/api/notifications/digest-settings", HttpMethod.PUT, as("vkl", "admin", "association-admin", Map.of(
                "dayOfWeek", today.getDayOfWeek().getValue(), "hour", 0)), JsonNode.class);

        activity("Skriva texter till webben", today.plusDays(3), new Responsible(Responsible.Kind.ROLE, "Projektledare"));
        activity("Nyhetsbrev", today.minusDays(2), new Responsible(Responsible.Kind.PERSON, "katja"));
        activity("Långt fram", today.plusDays(30), new Responsible(Responsible.Kind.PERSON, "katja"));

        digest.sendDue();
        digest.sendDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 1);
        Thread.sleep(1_500);

        assertThat(smtp.received()).hasSize(1);   // Åsa answers for nothing this week: no digest for her
        MimeMessage mail = smtp.received().get(0);
        assertThat(mail.getSubject()).isEqualTo("Din vecka i Samplan: 1 att göra, 1 försenade");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replaceAll("=\r?\n", "");
        assertThat(body).contains("Skriva texter till webben", "Nyhetsbrev").doesNotContain("Långt fram");
    }

    private void activity(String title, LocalDate due, Responsible responsible) {
        String id = java.util.UUID.randomUUID().toString();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.activities(), EventProducer.envelope(new ActivityScheduled(id, "vkl", "plan-1", title, null,
                    ActivityKind.ACTIVITY, List.of(), null, List.of(responsible), null, null, null, null,
                    ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due))), id, 0, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM activity_info WHERE activity_id = ?", Integer.class, id) == 1);
    }
}
