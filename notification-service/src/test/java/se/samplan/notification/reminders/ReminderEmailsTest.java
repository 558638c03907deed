package se.samplan.notification.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.activity.ActivityDueSoon;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivityOverdue;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.Responsible;
import se.samplan.events.activity.ScheduleKind;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.events.report.ReportDue;
import se.samplan.notification.NotificationTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.notification.NotificationTestSupport.as;

/**
 * Reminders against a real SMTP server: to every responsible person (a role resolves to its
 * people), in each person's language, once however often the event comes; unsubscribing without a
 * login; and the calendar feeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReminderEmailsTest {

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
    JdbcTemplate jdbc;

    private final Instant now = Instant.now();
    private final LocalDate due = LocalDate.of(2022, 3, 31);

    @BeforeEach
    void people() {
        smtp.purge();
        put("lena", Map.of("name", "Lena Lind", "email", "lena@finsam.example", "language", "sv", "roles", List.of("Förbundschef")));
        put("erik", Map.of("name", "Erik Ek", "email", "erik@finsam.example", "language", "en", "roles", List.of()));
    }

    @Test
    void aDueSoonReachesEveryResponsibleOnceInTheirLanguage() throws Exception {
        String activity = schedule("Förnyelse av hemsida", List.of(new Responsible(Responsible.Kind.ROLE, "Förbundschef"),
                new Responsible(Responsible.Kind.PERSON, "erik"), new Responsible(Responsible.Kind.PERSON, "someone-unknown")),
                ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due)));
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            var dueSoon = EventProducer.envelope(new ActivityDueSoon(activity, "finsam", "plan-1", "once", due, 3), activity, 1, now);
            producer.send(topics.activities(), dueSoon);
            producer.send(topics.activities(), dueSoon);
            producer.send(topics.activities(), dueSoon);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
        Thread.sleep(1_500);

        assertThat(smtp.received()).hasSize(2);
        MimeMessage swedish = to("lena@finsam.example");
        assertThat(swedish.getSubject()).isEqualTo("Snart dags: Förnyelse av hemsida");
        assertThat(text(swedish)).contains("Hej Lena Lind!", "ska vara klar 2022-03-31", "/activities/" + activity, "Avregistrera:");
        assertThat(swedish.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MimeMessage english = to("erik@finsam.example");
        assertThat(english.getSubject()).isEqualTo("Due soon: Förnyelse av hemsida");
        assertThat(text(english)).contains("Hello Erik Ek,", "is due on 2022-03-31");
    }

    @Test
    void anUnsubscribeLinkWorksWithoutLoginAndOnlyForItsPersonAndKind() throws Exception {
        String activity = schedule("Halvårsrapport", List.of(new Responsible(Responsible.Kind.PERSON, "erik"),
                new Responsible(Responsible.Kind.PERSON, "lena")), ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due)));
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.activities(), EventProducer.envelope(new ActivityOverdue(activity, "finsam", "plan-1", "once", due),
                    activity, 1, now));
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
            String link = to("erik@finsam.example").getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
            String query = URI.create(link).getRawQuery();

            assertThat(http.exchange("/api/notifications/unsubscribe?" + query, HttpMethod.GET, null, String.class)
                    .getBody()).contains("<form method=\"post\"");
            assertThat(http.postForEntity("/api/notifications/unsubscribe?token=forged.token", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(http.postForEntity(URI.create("/api/notifications/unsubscribe?" + query), null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            smtp.purge();
            LocalDate later = due.plusDays(30);
            producer.send(topics.activities(), EventProducer.envelope(new ActivityOverdue(activity, "finsam", "plan-1", "once", later),
                    activity, 2, now));
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 1);
            Thread.sleep(1_000);
            assertThat(smtp.received()).extracting(m -> m.getAllRecipients()[0].toString()).containsExactly("lena@finsam.example");
        }
        JsonNode erik = http.exchange("/api/notifications/preferences", HttpMethod.GET, as("finsam", "erik", "", null),
                JsonNode.class).getBody();
        assertThat(erik.get("overdue").asBoolean()).isFalse();
        assertThat(erik.get("dueSoon").asBoolean()).isTrue();
    }

    @Test
    void remindersQueuedWhileSmtpIsDownAreEachDeliveredOnceWhenItIsBack() throws Exception {
        smtp.down();
        try {
            String first = schedule("Nyhetsbrev", List.of(new Responsible(Responsible.Kind.PERSON, "erik")),
                    ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due)));
            String second = schedule("Kick-off", List.of(new Responsible(Responsible.Kind.ROLE, "Förbundschef")),
                    ActivitySchedule.onDate(due), List.of(new PlannedOccurrence("once", due)));
            try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
                for (String activity : List.of(first, second)) {
                    var dueSoon = EventProducer.envelope(new ActivityDueSoon(activity, "finsam", "plan-1", "once", due, 3), activity, 1, now);
                    producer.send(topics.activities(), dueSoon);
                    producer.send(topics.activities(), dueSoon);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM outbound_email WHERE kind = 'due-soon' AND status = 'PENDING' AND attempts >= 2
                       AND (idempotency_key LIKE ? OR idempotency_key LIKE ?)""", Integer.class,
                    "activity:" + first + "%", "activity:" + second + "%") == 2);
        } finally {
            smtp.up();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 2);
        Thread.sleep(1_500);
        assertThat(smtp.received()).extracting(ReminderEmailsTest::subject)
                .containsExactlyInAnyOrder("Due soon: Nyhetsbrev", "Snart dags: Kick-off");
    }

    @Test
    void aReportDueGoesToItsOwner() throws Exception {
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-r", "finsam", "Kommunikationsplan", null, null,
                    "lena"), "plan-r", 0, now));
            producer.send(topics.reports(), EventProducer.envelope(new ReportDue("plan-r:monthly:2021-12", "finsam", "plan-r",
                    "Statusrapport december 2021", "Finansiären", LocalDate.of(2022, 1, 10), "lena"), "plan-r:monthly:2021-12", 0, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().stream().anyMatch(m -> subject(m).startsWith("Rapport")));
        MimeMessage report = smtp.received().stream().filter(m -> subject(m).startsWith("Rapport")).findFirst().orElseThrow();
        assertThat(report.getSubject()).isEqualTo("Rapport att lämna: Statusrapport december 2021");
        assertThat(report.getAllRecipients()[0].toString()).isEqualTo("lena@finsam.example");
    }

    @Test
    void calendarFeedsParseBackAndHoldTheRecurringOccurrencesAndMilestones() throws Exception {
        List<PlannedOccurrence> twiceAYear = List.of(new PlannedOccurrence("2022-02-28", LocalDate.of(2022, 2, 28)),
                new PlannedOccurrence("2022-08-31", LocalDate.of(2022, 8, 31)), new PlannedOccurrence("2023-02-28", LocalDate.of(2023, 2, 28)),
                new PlannedOccurrence("2023-08-31", LocalDate.of(2023, 8, 31)));
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-cal", "finsam", "Finsam 2022–2023", null, null,
                    "lena"), "plan-cal", 0, now));
            producer.send(topics.plans(), EventProducer.envelope(new MilestoneAdded("plan-cal", "finsam", "m1", "Ny hemsida i drift",
                    LocalDate.of(2022, 9, 30), LocalDate.of(2022, 10, 15), Rating.O), "plan-cal", 1, now));
        }
        schedule("plan-cal", "Information via del- och helårsrapport", List.of(new Responsible(Responsible.Kind.ROLE, "Förbundschef")),
                new ActivitySchedule(ScheduleKind.RECURRING, LocalDate.of(2022, 2, 28), null, null, null, null,
                        "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;COUNT=4", null, null, "Två ggr/år"), twiceAYear);

        await().atMost(Duration.ofSeconds(30)).until(() -> feed(http.exchange("/api/notifications/calendar/plans/plan-cal",
                HttpMethod.POST, as("finsam", "lena", "", null), JsonNode.class)).getComponents().size() == 5);
        Calendar plan = feed(http.exchange("/api/notifications/calendar/plans/plan-cal", HttpMethod.POST,
                as("finsam", "lena", "", null), JsonNode.class));
        assertThat(plan.<VEvent>getComponents("VEVENT")).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder("Information via del- och helårsrapport", "Information via del- och helårsrapport",
                        "Information via del- och helårsrapport", "Information via del- och helårsrapport", "Milstolpe: Ny hemsida i drift");
        assertThat(plan.<VEvent>getComponents("VEVENT")).extracting(e -> e.getDateTimeStart().getValue())
                .contains("20220228", "20230831", "20221015");

        Calendar lena = feed(http.exchange("/api/notifications/calendar/me", HttpMethod.POST, as("finsam", "lena", "", null), JsonNode.class));
        assertThat(lena.getComponents("VEVENT")).hasSizeGreaterThanOrEqualTo(4);
        Calendar erik = feed(http.exchange("/api/notifications/calendar/me", HttpMethod.POST, as("finsam", "erik", "", null), JsonNode.class));
        assertThat(erik.<VEvent>getComponents("VEVENT")).noneMatch(e -> e.getSummary().getValue().startsWith("Information via"));

        assertThat(http.exchange("/api/notifications/calendar/plans/plan-cal", HttpMethod.POST, as("other", "x", "", null),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/notifications/calendar/feeds/not-a-secret.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Calendar feed(ResponseEntity<JsonNode> created) throws Exception {
        String url = created.getBody().get("url").asText();
        String path = url.substring(url.indexOf("/api/"));
        String ics = http.getForObject(path, String.class);
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private String schedule(String title, List<Responsible> responsible, ActivitySchedule schedule, List<PlannedOccurrence> occurrences) {
        return schedule("plan-1", title, responsible, schedule, occurrences);
    }

    private String schedule(String plan, String title, List<Responsible> responsible, ActivitySchedule schedule,
                            List<PlannedOccurrence> occurrences) {
        String id = java.util.UUID.randomUUID().toString();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.activities(), EventProducer.envelope(new ActivityScheduled(id, "finsam", plan, title, null,
                    ActivityKind.ACTIVITY, List.of(), null, responsible, null, null, null, null, schedule, occurrences), id, 0, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM activity_info WHERE activity_id = ?", Integer.class, id) == 1);
        return id;
    }

    private void put(String person, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = http.exchange("/api/notifications/people/" + person, HttpMethod.PUT,
                as("finsam", "admin", "association-admin", body), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static MimeMessage to(String address) {
        return smtp.received().stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    static String text(MimeMessage message) throws Exception {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message)
                .replaceAll("=\r?\n", "").replace("=C3=A4", "ä").replace("=C3=B6", "ö").replace("=C3=A5", "å");
    }
}
