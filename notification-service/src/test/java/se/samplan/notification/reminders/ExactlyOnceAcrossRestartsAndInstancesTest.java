package se.samplan.notification.reminders;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;
import se.samplan.events.activity.ActivityDueSoon;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.Responsible;
import se.samplan.notification.NotificationServiceApplication;
import se.samplan.notification.NotificationTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.notification.NotificationTestSupport.as;

/**
 * Exactly once where it is hard: the service stops after it read a reminder and before it sent it,
 * then starts again reading every topic from the start; and two instances share one database.
 */
class ExactlyOnceAcrossRestartsAndInstancesTest {

    @Test
    void aReminderReadBeforeARestartIsSentOnceAfterIt() throws Exception {
        TestSmtp smtp = TestSmtp.start();
        NotificationTestSupport.Topics topics = NotificationTestSupport.topics();
        Map<String, Object> properties = NotificationTestSupport.properties(TestPostgres.get().createDatabase("notification"),
                topics, smtp);
        String activity = "act-" + java.util.UUID.randomUUID();
        LocalDate due = LocalDate.now().plusDays(2);

        Map<String, Object> readOnly = new java.util.HashMap<>(properties);
        readOnly.put("samplan.mail.dispatch", "false");
        try (ConfigurableApplicationContext service = start(readOnly)) {
            RestTemplate http = client(service);
            http.exchange("/api/notifications/people/lena", HttpMethod.PUT, as("finsam", "admin", "association-admin",
                    Map.of("name", "Lena Lind", "email", "lena@finsam.example", "roles", List.of("Förbundschef"))), String.class);
            try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
                producer.send(topics.activities(), EventProducer.envelope(new ActivityScheduled(activity, "finsam", "plan-1",
                        "Nyhetsbrev", null, ActivityKind.ACTIVITY, List.of(), null,
                        List.of(new Responsible(Responsible.Kind.ROLE, "Förbundschef")), null, null, null, null,
                        ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due))), activity, 0, Instant.now()));
                producer.send(topics.activities(), EventProducer.envelope(new ActivityDueSoon(activity, "finsam", "plan-1",
                        "once", due, 3), activity, 1, Instant.now()));
            }
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM outbound_email WHERE kind = 'due-soon' AND status = 'PENDING'", Integer.class) == 1);
        }
        assertThat(smtp.received()).filteredOn(m -> subject(m).startsWith("Snart dags")).isEmpty();

        Map<String, Object> rereading = new java.util.HashMap<>(properties);
        rereading.put("samplan.consumer.reset-positions", "true");
        try (ConfigurableApplicationContext service = start(rereading)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().stream().anyMatch(m -> subject(m).startsWith("Snart dags")));
            Thread.sleep(2_000);
            // (A weekly digest may go out too, on its own schedule; the reminder goes once.)
            assertThat(smtp.received()).filteredOn(m -> subject(m).startsWith("Snart dags")).hasSize(1);
            assertThat(service.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM outbound_email WHERE kind = 'due-soon' AND status = 'SENT'", Integer.class)).isEqualTo(1);
        } finally {
            smtp.down();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachReminderOnce() throws Exception {
        TestSmtp smtp = TestSmtp.start();
        NotificationTestSupport.Topics topics = NotificationTestSupport.topics();
        Map<String, Object> properties = NotificationTestSupport.properties(TestPostgres.get().createDatabase("notification"),
                topics, smtp);
        LocalDate due = LocalDate.now().plusDays(2);
        try (ConfigurableApplicationContext first = start(properties);
             ConfigurableApplicationContext second = start(properties)) {
            client(first).exchange("/api/notifications/people/lena", HttpMethod.PUT, as("finsam", "admin", "association-admin",
                    Map.of("name", "Lena Lind", "email", "lena@finsam.example", "roles", List.of("Förbundschef"))), String.class);
            List<String> activities = new java.util.ArrayList<>();
            try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
                for (int i = 0; i < 20; i++) {
                    String activity = "act-" + java.util.UUID.randomUUID();
                    activities.add(activity);
                    producer.send(topics.activities(), EventProducer.envelope(new ActivityScheduled(activity, "finsam", "plan-1",
                            "Aktivitet " + i, null, ActivityKind.ACTIVITY, List.of(), null,
                            List.of(new Responsible(Responsible.Kind.ROLE, "Förbundschef")), null, null, null, null,
                            ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due))), activity, 0, Instant.now()));
                    var dueSoon = EventProducer.envelope(new ActivityDueSoon(activity, "finsam", "plan-1", "once", due, 3),
                            activity, 1, Instant.now());
                    producer.send(topics.activities(), dueSoon);
                    producer.send(topics.activities(), dueSoon);
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> smtp.received().stream()
                    .filter(m -> subject(m).startsWith("Snart dags")).count() >= 20);
            Thread.sleep(2_000);
            // Both instances read (the group splits the partitions) and both dispatch (SKIP LOCKED splits the rows).
            assertThat(smtp.received()).filteredOn(m -> subject(m).startsWith("Snart dags")).hasSize(20);
            assertThat(smtp.received().stream().filter(m -> subject(m).startsWith("Snart dags")).map(ExactlyOnceAcrossRestartsAndInstancesTest::subject)
                    .distinct().count()).isEqualTo(20);
        } finally {
            smtp.down();
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
    }

    private static RestTemplate client(ConfigurableApplicationContext service) {
        return new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")).build();
    }
}
