package se.samplan.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.RiskAdded;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/**
 * The status report of 000 (SCÖ, December 2021) on the platform: drafted from the plan's and
 * activities' events on real Kafka topics, edited, submitted and frozen, its events published; the
 * next month's draft carries the ratings and shows what changed since.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusReportTest {

    static ReportingTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    /** The tables as their owner sees them: every association's rows. */
    JdbcTemplate jdbc;

    @Autowired
    void owner(org.springframework.core.env.Environment environment) {
        jdbc = ReportingTestSupport.owner(environment);
    }

    private static final String PLAN = "plan-sco";
    private static final String SCO = "sco";
    private static final Map<String, Long> sequences = new HashMap<>();
    private static final Instant IN_2021 = Instant.parse("2021-12-01T09:00:00Z");

    private static boolean sent;

    @BeforeEach
    void theEventsOfDecember2021() {
        if (sent) {
            return;
        }
        sent = true;
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            plan(producer, new PlanCreated(PLAN, SCO, "Kommunikation SCÖ", LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31), "anna"));
            plan(producer, new MilestoneAdded(PLAN, SCO, "web", "Skapa ny hemsida", null, null, Rating.O));
            plan(producer, new MilestoneAdded(PLAN, SCO, "film", "Inspelning av verksamhetsfilmer", LocalDate.of(2021, 5, 30),
                    LocalDate.of(2021, 5, 30), Rating.G));
            plan(producer, new MilestoneForecastChanged(PLAN, SCO, "film", LocalDate.of(2021, 5, 30), LocalDate.of(2021, 12, 20),
                    "Filmen om Jonsbo spelas in i december"));
            plan(producer, new RiskAdded(PLAN, SCO, "r1", "Hemsida - lösa internt eller via webbyrå?", null, null, null));
            activity(producer, EventProducer.activity("act-dialog", SCO, PLAN, "Kunskapsdialog", LocalDate.of(2021, 12, 8)));
            activity(producer, EventProducer.activity("act-lecture", SCO, PLAN, "Digital föreläsning", LocalDate.of(2021, 12, 14)));
            activity(producer, EventProducer.activity("act-news", SCO, PLAN, "Nyhetsbrev januari", LocalDate.of(2022, 1, 15)));
            activity(producer, EventProducer.activity("act-strategy", SCO, PLAN, "Utkast till kommunikationsstrategi",
                    LocalDate.of(2021, 11, 20)));
            activity(producer, new ActivityOccurrenceCompleted("act-dialog", SCO, PLAN, "once", LocalDate.of(2021, 12, 8),
                    "Sju digitala kunskapsdialoger genomförda", null));
            activity(producer, new ActivityOccurrenceCompleted("act-lecture", SCO, PLAN, "once", LocalDate.of(2021, 12, 14), null,
                    new BigDecimal("5000.00")));
            activity(producer, new ActivityOccurrenceCompleted("act-strategy", SCO, PLAN, "once", LocalDate.of(2021, 11, 25), null, null));
        }
    }

    @Test
    void aReportIsDraftedFromEventsEditedSubmittedFrozenAndPublished() throws Exception {
        awaitProjected();
        ResponseEntity<JsonNode> opened = http.exchange("/api/reports/plans/" + PLAN + "/status-reports", HttpMethod.POST,
                as(SCO, "anna", "communicator", null, Map.of("period", "2021-12")), JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getHeaders().getETag()).isEqualTo("\"0\"");
        JsonNode report = opened.getBody();
        String reportId = report.get("reportId").asText();
        assertThat(reportId).isEqualTo(PLAN + ":adhoc:2021-12");
        assertThat(report.get("title").asText()).isEqualTo("Statusrapport december 2021");
        JsonNode content = report.get("content");
        assertThat(texts(content.get("results"))).containsExactly(
                "Kunskapsdialog – Sju digitala kunskapsdialoger genomförda", "Digital föreläsning");
        assertThat(texts(content.get("plannedActions"))).containsExactly("Nyhetsbrev januari");
        assertThat(content.get("milestones")).hasSize(2);
        JsonNode film = content.get("milestones").get(1);
        assertThat(film.get("name").asText()).isEqualTo("Inspelning av verksamhetsfilmer");
        assertThat(film.get("forecastDate").asText()).isEqualTo("2021-12-20");
        assertThat(film.get("moves")).hasSize(1);
        assertThat(film.get("moves").get(0).get("reason").asText()).isEqualTo("Filmen om Jonsbo spelas in i december");
        assertThat(content.get("parameters")).hasSize(5);
        assertThat(content.get("parameters").get(4).get("rating").isNull()).isTrue();
        assertThat(content.get("risks").get(0).asText()).isEqualTo("Hemsida - lösa internt eller via webbyrå?");
        String path = "/api/reports/status-reports/" + reportId;

        // Opened once only; another association sees nothing; a reader may not write.
        assertThat(http.exchange("/api/reports/plans/" + PLAN + "/status-reports", HttpMethod.POST,
                as(SCO, "anna", "communicator", null, Map.of("period", "2021-12")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.exchange(path, HttpMethod.GET, as("vkl", "katja"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ObjectNode edit = EventJson.mapper().createObjectNode();
        edit.set("content", rated(content));
        assertThat(http.exchange(path, HttpMethod.PUT, as(SCO, "bo", "reader", "\"0\"", edit), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Bad input names its field; a missing If-Match is a 428, a stale one a 409; none changes anything.
        ResponseEntity<JsonNode> badPeriod = http.exchange("/api/reports/plans/" + PLAN + "/status-reports", HttpMethod.POST,
                as(SCO, "anna", "communicator", null, Map.of("period", "december")), JsonNode.class);
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getBody().get("errors").get(0).get("field").asText()).isEqualTo("period");
        ObjectNode blank = edit.deepCopy();
        ((ObjectNode) blank.get("content").get("results").get(0)).put("text", " ");
        ResponseEntity<JsonNode> blankLine = http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", "\"0\"", blank), JsonNode.class);
        assertThat(blankLine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blankLine.getBody().get("errors").get(0).get("field").asText()).isEqualTo("content.results[0].text");
        ObjectNode badRating = edit.deepCopy();
        ((ObjectNode) badRating.get("content").get("parameters").get(0)).put("rating", "GRÖN");
        assertThat(http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", "\"0\"", badRating), JsonNode.class)
                .getBody().get("errors").get(0).get("field").asText()).isEqualTo("content.parameters.[0].rating");
        assertThat(http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", null, edit), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", "\"7\"", edit), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> unrated = http.exchange(path + "/submission", HttpMethod.POST,
                as(SCO, "anna", "communicator", "\"0\"", null), JsonNode.class);
        assertThat(unrated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unrated.getBody().get("errors").get(0).get("field").asText()).isEqualTo("content.parameters.OVERALL");
        assertThat(http.exchange(path, HttpMethod.GET, as(SCO, "anna"), JsonNode.class).getHeaders().getETag()).isEqualTo("\"0\"");

        ResponseEntity<JsonNode> edited = http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", "\"0\"", edit), JsonNode.class);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getHeaders().getETag()).isEqualTo("\"1\"");
        ResponseEntity<JsonNode> submitted = http.exchange(path + "/submission", HttpMethod.POST,
                as(SCO, "anna", "communicator", "\"1\"", null), JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(submitted.getBody().get("status").asText()).isEqualTo("SUBMITTED");

        // Frozen: no change, no second submission.
        assertThat(http.exchange(path, HttpMethod.PUT, as(SCO, "anna", "communicator", "\"2\"", edit), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.exchange(path + "/submission", HttpMethod.POST, as(SCO, "anna", "communicator", "\"2\"", null), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.exchange(path, HttpMethod.GET, as(SCO, "anna"), JsonNode.class).getBody().get("content"))
                .isEqualTo(edit.get("content"));

        // Its three events are on Kafka, in order, once each.
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), topics.reports())) {
            List<EventEnvelope> published = reader.await(r -> reportId.equals(r.key()), 3, Duration.ofSeconds(30)).stream()
                    .map(r -> EventJson.read(r.value())).toList();
            assertThat(published).extracting(EventEnvelope::type)
                    .containsExactly("StatusReportDrafted", "StatusReportEdited", "StatusReportSubmitted");
            assertThat(published).extracting(EventEnvelope::sequence).containsExactly(0L, 1L, 2L);
            assertThat(published).extracting(EventEnvelope::actor).containsOnly("anna");
        }

        // The dashboard shows the submitted ratings.
        JsonNode status = http.exchange("/api/reports/status", HttpMethod.GET, as(SCO, "anna"), JsonNode.class).getBody();
        assertThat(status.get(0).get("ratings").get("OVERALL").asText()).isEqualTo("G");
        assertThat(status.get(0).get("ratings").get("RISK_MANAGEMENT").asText()).isEqualTo("O");
        assertThat(status.get(0).get("latestReportId").asText()).isEqualTo(reportId);

        // January: a forecast moved and a risk came up since; the draft carries December's ratings and says what changed.
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            plan(producer, new MilestoneForecastChanged(PLAN, SCO, "film", LocalDate.of(2021, 12, 20), LocalDate.of(2022, 1, 31),
                    "Klipparen sjuk"), Instant.now().plusSeconds(1));
            plan(producer, new RiskAdded(PLAN, SCO, "r2", "Finsam-kampanj, oklart när", null, null, null), Instant.now().plusSeconds(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM plan_risk WHERE plan_id = ?", Integer.class, PLAN) == 2);
        JsonNode january = http.exchange("/api/reports/plans/" + PLAN + "/status-reports", HttpMethod.POST,
                as(SCO, "anna", "communicator", null, Map.of("period", "2022-01")), JsonNode.class).getBody();
        assertThat(january.get("previousReportId").asText()).isEqualTo(reportId);
        assertThat(january.get("content").get("parameters").get(4).get("rating").asText()).isEqualTo("G");
        assertThat(texts(january.get("content").get("results"))).isEmpty();
        assertThat(january.get("content").get("milestones").get(1).get("moves")).hasSize(1);
        JsonNode since = january.get("sincePrevious");
        assertThat(since.get("forecasts")).hasSize(1);
        assertThat(since.get("forecasts").get(0).get("from").asText()).isEqualTo("2021-12-20");
        assertThat(since.get("forecasts").get(0).get("to").asText()).isEqualTo("2022-01-31");
        assertThat(since.get("newRisks").get(0).asText()).isEqualTo("Finsam-kampanj, oklart när");
        assertThat(since.get("ratings")).isEmpty();

        JsonNode list = http.exchange("/api/reports/plans/" + PLAN + "/status-reports", HttpMethod.GET, as(SCO, "anna"), JsonNode.class)
                .getBody();
        assertThat(list).extracting(r -> r.get("status").asText()).containsExactly("DRAFT", "SUBMITTED");
    }

    @Test
    void statisticsCountPerMonthAndSpendAgainstBudget() {
        awaitProjected();
        JsonNode months = http.exchange("/api/reports/plans/" + PLAN + "/statistics?from=2021-11&to=2022-01", HttpMethod.GET,
                as(SCO, "anna"), JsonNode.class).getBody();
        assertThat(months).hasSize(3);
        assertThat(months.get(0).get("planned").asInt()).isEqualTo(1);
        assertThat(months.get(1).get("planned").asInt()).isEqualTo(2);
        assertThat(months.get(1).get("done").asInt()).isEqualTo(2);
        assertThat(months.get(1).get("spentSek").decimalValue()).isEqualByComparingTo("5000");
        assertThat(months.get(2).get("overdue").asInt()).isEqualTo(1);  // January 2022 is long past
        assertThat(http.exchange("/api/reports/plans/" + PLAN + "/statistics?from=2022-01&to=2021-11", HttpMethod.GET,
                as(SCO, "anna"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.exchange("/api/reports/plans/" + PLAN + "/statistics", HttpMethod.GET,
                as("vkl", "katja"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void awaitProjected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM activity_occurrence WHERE plan_id = ? AND status = 'DONE'", Integer.class, PLAN) == 3
                && jdbc.queryForObject("SELECT count(*) FROM milestone_move WHERE plan_id = ?", Integer.class, PLAN) >= 3);
    }

    /** The December ratings of 000: Budget G, Tidslinje G, Riskhantering O, Engagemang G, Övergripande G. */
    private static JsonNode rated(JsonNode drafted) {
        ObjectNode content = drafted.deepCopy();
        String[] ratings = {"G", "G", "O", "G", "G"};
        for (int i = 0; i < 5; i++) {
            ((ObjectNode) content.get("parameters").get(i)).put("rating", ratings[i]);
        }
        content.put("userPerspective", "Vi tar till oss av synpunkter och önskemål och arbetar för att tillgodose dessa.");
        content.putArray("openQuestions").add("Hemsida - lösa internt eller via webbyrå?");
        return content;
    }

    private static List<String> texts(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("text").asText()).toList();
    }

    private static void plan(EventProducer producer, SamplanEvent event) {
        plan(producer, event, IN_2021);
    }

    private static void plan(EventProducer producer, SamplanEvent event, Instant at) {
        producer.send(topics.plans(), EventProducer.envelope(event, PLAN, sequences.merge(PLAN, 1L, Long::sum) - 1, at));
    }

    private static void activity(EventProducer producer, SamplanEvent event) {
        String id = ((se.samplan.events.activity.ActivityEvent) event).activityId();
        producer.send(topics.activities(), EventProducer.envelope(event, id, sequences.merge(id, 1L, Long::sum) - 1, IN_2021));
    }
}
