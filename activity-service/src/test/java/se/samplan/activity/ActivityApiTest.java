package se.samplan.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.activity.ActivityServiceTestSupport.as;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ActivityServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aScheduledActivityIsReadableByItsAssociationOnlyAndPublished() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/activities", as("vkl", "person-3", Map.of(
                "planId", "plan-1", "title", "Nyhetsbrev", "kind", "COMMUNICATION_OCCASION",
                "schedule", Map.of("kind", "DATE", "date", "2012-05-24"))), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String activityId = created.getBody().get("activityId").asText();
        assertThat(created.getBody().get("warnings").get(0).get("field").asText()).isEqualTo("planId");

        JsonNode read = http.exchange("/api/activities/" + activityId, HttpMethod.GET, as("vkl", "person-4", null),
                JsonNode.class).getBody();
        assertThat(read.get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2012-05-24");
        assertThat(http.exchange("/api/activities/" + activityId, HttpMethod.GET, as("sco", "person-5", null),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            var records = reader.await(r -> activityId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            EventEnvelope envelope = EventJson.read(records.get(0).value());
            assertThat(envelope.type()).isEqualTo("ActivityScheduled");
            assertThat(envelope.revision()).isEqualTo(2);
            assertThat(envelope.tenantId()).isEqualTo("vkl");
            assertThat(envelope.payload().get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2012-05-24");
        }
    }

    @Test
    void theRecurringRowsOf002WithBudgetResponsibleAndTargetGroups() {
        ResponseEntity<JsonNode> perMember = http.postForEntity("/api/activities", as("finsam-lo", "lena", Map.of(
                "planId", "plan-002", "title", "Muntlig information på arbetsplatsträffar om finansierade insatser",
                "targetGroups", List.of("Chefer & anställda hos förbundets huvudmän"),
                "responsible", List.of(Map.of("kind", "ROLE", "ref", "Samordnare för finansierade insatser")),
                "schedule", Map.of("kind", "PER_MEMBER", "year", 2022, "members",
                        List.of("Lekebergs kommun", "Örebro kommun", "Region Örebro län"), "text", "Minst en gång per år per huvudman"))),
                JsonNode.class);
        assertThat(perMember.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(perMember.getBody().get("occurrences")).hasSize(3);

        ResponseEntity<JsonNode> twiceAYear = http.postForEntity("/api/activities", as("finsam-lo", "lena", Map.of(
                "planId", "plan-002", "title", "Information via del- och helårsrapport",
                "targetGroups", List.of("Förtroendevalda i huvudmännens beslutade församlingar"),
                "responsible", List.of(Map.of("kind", "ROLE", "ref", "Förbundschef")),
                "schedule", Map.of("kind", "RECURRING", "date", "2022-08-31", "rrule", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;COUNT=4",
                        "text", "Två ggr/år"))), JsonNode.class);
        assertThat(twiceAYear.getBody().get("occurrences")).extracting(o -> o.get("dueDate").asText())
                .containsExactly("2022-08-31", "2023-02-28", "2023-08-31", "2024-02-29");

        ResponseEntity<JsonNode> website = http.postForEntity("/api/activities", as("finsam-lo", "lena", Map.of(
                "planId", "plan-002", "title", "Förnyelse av hemsida", "budgetSek", 300000,
                "need", "Nuvarande hemsida är långsam och har ett föråldrat utseende.",
                "responsible", List.of(Map.of("kind", "ROLE", "ref", "Förbundschef")),
                "schedule", Map.of("kind", "ONGOING", "text", "Löpande"))), JsonNode.class);
        assertThat(website.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(website.getBody().get("budgetSek").decimalValue()).isEqualByComparingTo("300000");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(list("planId={p}", "plan-002")).hasSize(3);
            assertThat(list("planId={p}&responsible={r}", "plan-002", "Förbundschef")).hasSize(2);
            assertThat(list("planId={p}&targetGroup={t}", "plan-002", "Chefer & anställda hos förbundets huvudmän")).hasSize(1);
            assertThat(list("planId={p}&from={f}&to={t}", "plan-002", "2023-01-01", "2023-06-30"))
                    .extracting(a -> a.get("title").asText()).containsExactly("Information via del- och helårsrapport");
            assertThat(list("planId={p}&kind={k}", "plan-002", "CHECKPOINT")).isEmpty();
        });
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertField(Map.of("planId", "p", "title", "Hemsida", "budgetSek", "30 0000 kr", "schedule", Map.of("kind", "ONGOING")),
                "budgetSek");
        assertField(Map.of("planId", "p", "title", "Hemsida", "budgetSek", -5, "schedule", Map.of("kind", "ONGOING")),
                "budgetSek");
        assertField(Map.of("planId", "p", "title", "Nyhetsbrev", "schedule", Map.of("kind", "DATE", "date", "24 maj")),
                "schedule.date");
        assertField(Map.of("planId", "p", "title", "Nyhetsbrev", "schedule", Map.of("kind", "RECURRING", "date", "2022-01-01",
                "rrule", "varannan tisdag")), "schedule.rrule");
        assertField(Map.of("planId", "p", "title", "Nyhetsbrev"), "schedule");
    }

    @Test
    void occurrencesMoveThroughTheirStatesWithIfMatchAndHistory() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/activities", as("vkl", "katja", Map.of(
                "planId", "plan-1", "title", "Kick-off", "schedule", Map.of("kind", "DATE", "date", "2012-05-24"))), JsonNode.class);
        String id = created.getBody().get("activityId").asText();
        String etag = created.getHeaders().getETag();

        ResponseEntity<JsonNode> postponed = write(id, "once/postponement", etag, Map.of("newDate", "2012-06-01", "reason", "Lokalen"));
        assertThat(postponed.getStatusCode()).as("%s", postponed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(postponed.getBody().get("occurrences").get(0).get("status").asText()).isEqualTo("POSTPONED");
        assertThat(write(id, "once/completion", etag, Map.of("doneOn", "2012-06-01")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> done = write(id, "once/completion", postponed.getHeaders().getETag(),
                Map.of("doneOn", "2012-06-01", "outcome", "80 deltagare"));
        assertThat(done.getBody().get("occurrences").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(write(id, "once/cancellation", done.getHeaders().getETag(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode history = http.exchange("/api/activities/" + id + "/history", HttpMethod.GET, as("vkl", "x", null),
                JsonNode.class).getBody();
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsExactly("ActivityScheduled", "ActivityOccurrencePostponed", "ActivityOccurrenceCompleted");
        assertThat(history.get(2).get("actor").asText()).isEqualTo("person-1");
    }

    @Test
    void aReminderThePlatformAddedDoesNotMakeAPersonsEditConflict() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/activities", as("vkl", "katja", Map.of(
                "planId", "plan-1", "title", "Utvärdering", "schedule", Map.of("kind", "DATE", "date", "2012-09-01"))), JsonNode.class);
        String id = created.getBody().get("activityId").asText();
        // Due in 2012: the sweep (every second here) reports it overdue, a new event after the ETag read.
        await().atMost(Duration.ofSeconds(20)).until(() -> http.exchange("/api/activities/" + id, HttpMethod.GET,
                as("vkl", "katja", null), JsonNode.class).getBody().get("occurrences").get(0).get("overdueFor").isTextual());

        ResponseEntity<JsonNode> done = write(id, "once/completion", created.getHeaders().getETag(), Map.of("doneOn", "2012-09-03"));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(write(id, "once/start", created.getHeaders().getETag(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** An event stored at contract revision 1 reads as revision 2 through the same upcaster Kafka consumers use. */
    @Test
    void anActivityStoredAtRevision1ReadsAsTheCurrentRevision() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Activity', ?, ?, ?, '1', 'se.samplan.events.activity.ActivityScheduled', ?)""",
                id, java.util.UUID.randomUUID().toString(), "{\"actor\":\"katja\"}".getBytes(),
                ("{\"activityId\":\"" + id + "\",\"associationId\":\"vkl\",\"planId\":\"plan-1\","
                        + "\"title\":\"Nyhetsbrev\",\"dueDate\":\"2012-05-24\"}").getBytes(),
                java.time.Instant.now().toString());

        JsonNode read = http.exchange("/api/activities/" + id, HttpMethod.GET, as("vkl", "katja", null), JsonNode.class).getBody();
        assertThat(read.get("schedule").get("kind").asText()).isEqualTo("DATE");
        assertThat(read.get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2012-05-24");
        assertThat(read.get("kind").asText()).isEqualTo("ACTIVITY");
    }

    private List<JsonNode> list(String query, Object... values) {
        JsonNode body = http.exchange("/api/activities?" + query, HttpMethod.GET, as("finsam-lo", "lena", null),
                JsonNode.class, values).getBody();
        return java.util.stream.StreamSupport.stream(body.spliterator(), false).toList();
    }

    private ResponseEntity<JsonNode> write(String activityId, String path, String etag, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(as("vkl", "person-1", null).getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch(etag);
        return http.exchange("/api/activities/" + activityId + "/occurrences/" + path, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void assertField(Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/activities", as("vkl", "person-3", body), JsonNode.class);
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    }
}
