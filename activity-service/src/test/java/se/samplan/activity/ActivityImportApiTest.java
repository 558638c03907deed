package se.samplan.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupAdded;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestIdentity;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Importing activity rows from CSV or JSON: dry run, every flagged case, acceptance, all or nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityImportApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ActivityServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    static final String CHEFER = "Chefer & anställda hos förbundets huvudmän";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanReferences plans;
    @Value("${samplan.plans.topic}")
    String plansTopic;

    String planId;

    /** 002's plan as plan-service publishes it: its period, three target groups and a kick-off. */
    @BeforeEach
    void plan002() {
        planId = plan("finsam-lo");
    }

    @Test
    void aDryRunOn002sActivityTableReportsTheBudgetRowAndEveryOtherFlagAndStoresNothing() {
        long before = storedEvents();
        ResponseEntity<JsonNode> report = csv("finsam-lo", resource("import/002-activities.csv"), "dryRun=true");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = report.getBody();
        assertThat(body.get("rows").asInt()).isEqualTo(6);
        assertThat(body.get("importable").asBoolean()).isFalse();
        assertThat(body.get("invalid").asInt()).isZero();
        assertThat(body.get("problems")).extracting(p -> p.get("row").asText() + " " + p.get("field").asText() + " "
                + p.get("kind").asText() + " " + p.get("value").asText()).containsExactly(
                "6 when UNKNOWN_DATE null",
                "7 when UNKNOWN_DATE null",
                "7 budget AMBIGUOUS_AMOUNT 30 0000 kr",
                "7 targetGroups UNKNOWN_TARGET_GROUP Styrelse",
                "7 targetGroups UNKNOWN_TARGET_GROUP Beredningsgrupp");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void flaggedRowsAre422UntilAcceptedThenImportedAsNotKnownWithANote() {
        byte[] table = resource("import/002-activities.csv");
        long before = storedEvents();
        ResponseEntity<JsonNode> refused = csv("finsam-lo", table, "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .contains("rows[7].budget", "rows[6].when");

        ResponseEntity<JsonNode> onlyTheBudgetRow = csv("finsam-lo", table, "accept=7");
        assertThat(onlyTheBudgetRow.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(onlyTheBudgetRow.getBody().get("problems")).filteredOn(p -> !p.get("accepted").asBoolean())
                .extracting(p -> p.get("row").asText()).containsExactly("6");
        assertThat(storedEvents()).isEqualTo(before);

        ResponseEntity<JsonNode> imported = csv("finsam-lo", table, "accept=6,7");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("activityIds")).hasSize(6);
        List<JsonNode> activities = read(imported.getBody().get("activityIds"));

        JsonNode perMember = activities.get(0);
        assertThat(perMember.get("schedule").get("kind").asText()).isEqualTo("PER_MEMBER");
        assertThat(perMember.get("occurrences")).extracting(o -> o.get("occurrenceId").asText())
                .containsExactly("Lekebergs kommun", "Örebro kommun", "Region Örebro län", "Försäkringskassan", "Arbetsförmedlingen");
        assertThat(perMember.get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2022-12-31");
        assertThat(perMember.get("responsible").get(0).get("kind").asText()).isEqualTo("ROLE");
        assertThat(activities.get(1).get("schedule").get("kind").asText()).isEqualTo("ONGOING");
        assertThat(activities.get(2).get("occurrences")).extracting(o -> o.get("dueDate").asText())
                .containsExactly("2022-01-01", "2022-07-01", "2023-01-01", "2023-07-01");
        assertThat(activities.get(2).get("responsible")).extracting(r -> r.get("ref").asText())
                .containsExactly("Styrelsens representanter", "Förbundschef");
        assertThat(activities.get(3).get("targetGroups")).hasSize(2);

        JsonNode unknownDate = activities.get(4);
        assertThat(unknownDate.get("schedule").get("kind").asText()).isEqualTo("ONGOING");
        assertThat(unknownDate.get("schedule").get("text").asText()).isEqualTo("?");
        assertThat(unknownDate.get("occurrences").get(0).get("dueDate").isNull()).isTrue();
        assertThat(unknownDate.get("comment").asText()).startsWith("I källan står raden utan när.")
                .contains("Lämnades ute vid importen: när \"\"");

        JsonNode website = activities.get(5);
        assertThat(website.get("title").asText()).isEqualTo("Förnyelse av hemsida");
        assertThat(website.get("budgetSek").isNull()).isTrue();
        assertThat(website.get("targetGroups")).extracting(JsonNode::asText).containsExactly(CHEFER);
        assertThat(website.get("need").asText()).contains("\n").startsWith("Nuvarande hemsida är långsam");
        assertThat(website.get("comment").asText()).contains("budget \"30 0000 kr\"", "målgrupp \"Styrelse\"",
                "målgrupp \"Beredningsgrupp\"");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.exchange(
                "/api/activities?planId={p}", HttpMethod.GET, ActivityServiceTestSupport.as("finsam-lo", "lena", null),
                JsonNode.class, planId).getBody()).hasSize(6));
    }

    @Test
    void everyFormOfWhenBudgetStatusAndKindFromJsonRows() {
        List<Map<String, Object>> rows = List.of(
                Map.of("title", "Styrelsemöte", "when", "2022-05-24", "budget", "12 500:-", "kind", "avstämning"),
                Map.of("title", "Nyhetsbrev mars", "when", "2022-03", "budget", 30000, "status", "klar", "doneOn", "2022-03-30"),
                Map.of("title", "Pressmeddelande", "when", "mars 2022", "status", "pågår", "kind", "grönt"),
                Map.of("title", "Workshop", "when", "2 september 2022", "budget", "1 250,50 kr", "status", "inställd"),
                Map.of("title", "Inbjudan till kick-off", "when", "14 dagar före Kick-off", "channel", "Mejl"),
                Map.of("title", "Pressrelease kick-off", "when", "inför kick-off", "responsible", List.of("person:lena", "Förbundschef")),
                Map.of("title", "Månadsbrev", "when", "varje månad", "start", "2023-10-01"),
                Map.of("title", "Kvartalsrapport", "when", "RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=2", "start", "2022-03-31"),
                Map.of("title", "Facebook", "when", "Löpande", "targetGroups", List.of("deltagare till finansierade insatser")));
        ResponseEntity<JsonNode> dry = json("finsam-lo", rows, "dryRun=true");
        assertThat(dry.getBody().get("problems")).isEmpty();
        assertThat(dry.getBody().get("importable").asBoolean()).isTrue();

        ResponseEntity<JsonNode> imported = json("finsam-lo", Map.of("rows", rows), "");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<JsonNode> a = read(imported.getBody().get("activityIds"));
        assertThat(a).extracting(v -> v.get("schedule").get("kind").asText()).containsExactly(
                "DATE", "MONTH", "MONTH", "DATE", "MILESTONE", "MILESTONE", "RECURRING", "RECURRING", "ONGOING");
        assertThat(a.get(0).get("budgetSek").decimalValue()).isEqualByComparingTo("12500");
        assertThat(a.get(0).get("kind").asText()).isEqualTo("CHECKPOINT");
        assertThat(a.get(1).get("occurrences").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(a.get(1).get("occurrences").get(0).get("doneOn").asText()).isEqualTo("2022-03-30");
        assertThat(a.get(2).get("occurrences").get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(a.get(2).get("kind").asText()).isEqualTo("COMMUNICATION_OCCASION");
        assertThat(a.get(3).get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2022-09-02");
        assertThat(a.get(3).get("budgetSek").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(a.get(3).get("occurrences").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(a.get(4).get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2022-05-10");
        assertThat(a.get(5).get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2022-05-24");
        assertThat(a.get(5).get("responsible")).extracting(r -> r.get("kind").asText() + ":" + r.get("ref").asText())
                .containsExactly("PERSON:lena", "ROLE:Förbundschef");
        assertThat(a.get(6).get("occurrences")).extracting(o -> o.get("dueDate").asText())
                .containsExactly("2023-10-01", "2023-11-01", "2023-12-01");
        assertThat(a.get(7).get("occurrences")).hasSize(2);
        assertThat(a.get(8).get("targetGroups")).extracting(JsonNode::asText).containsExactly("Deltagare till finansierade insatser");
    }

    @Test
    void everyInvalidValueIsReportedByRowAndIsA400EvenWhenFlagsAreAccepted() {
        String table = """
                title,when,budget,status,kind,colour,targetGroups
                Nyhetsbrev,24 maj,,,,,
                Hemsida,nästa vår,-5,,,,
                Film,2022-02-30,abc,uppskjuten,lila,,
                ,2022-05-01,,,,,
                Rapport,2022-06-01,,klar,,,
                Inbjudan,inför Invigning,"30,000",,,,Okänd grupp
                Brev,per huvudman,,,,,
                """;
        long before = storedEvents();
        ResponseEntity<JsonNode> report = csv("finsam-lo", table.getBytes(StandardCharsets.UTF_8), "dryRun=true&acceptFlagged=true");
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("importable").asBoolean()).isFalse();
        assertThat(report.getBody().get("problems")).extracting(p -> p.get("row").asText() + " " + p.get("field").asText()
                + " " + p.get("kind").asText()).containsExactly(
                "1 colour INVALID",
                "2 when INVALID",
                "3 when INVALID", "3 budget INVALID",
                "4 when INVALID", "4 budget INVALID", "4 kind INVALID", "4 status INVALID",
                "5 title INVALID",
                "6 doneOn INVALID",
                "7 when UNKNOWN_MILESTONE", "7 budget AMBIGUOUS_AMOUNT", "7 targetGroups UNKNOWN_TARGET_GROUP",
                "8 members INVALID");

        ResponseEntity<JsonNode> refused = csv("finsam-lo", table.getBytes(StandardCharsets.UTF_8), "acceptFlagged=true");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText()).contains("rows[3].budget");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void whatTheAggregateRefusesIsReportedByTheDryRun() {
        ResponseEntity<JsonNode> report = json("finsam-lo", List.of(
                Map.of("title", "x".repeat(301), "when", "Löpande"),
                Map.of("title", "Dagligen", "when", "FREQ=DAILY", "start", "2022-01-01"),
                Map.of("title", "Regel", "when", "FREQ=SOMETIMES", "start", "2022-01-01")), "dryRun=true");
        assertThat(report.getBody().get("problems")).extracting(p -> p.get("row").asText() + " " + p.get("field").asText())
                .containsExactly("1 title", "2 schedule.rrule", "3 schedule.rrule");
    }

    @Test
    void excelsCommaSeparatedAndWindows1252FilesAreReadToo() {
        String rows = "Aktivitet,När,Målgrupp\nNyhetsbrev,Löpande,Förtroendevalda i huvudmännens beslutade församlingar\n";
        assertThat(csv("finsam-lo", rows.getBytes(StandardCharsets.UTF_8), "dryRun=true").getBody().get("problems")).isEmpty();

        byte[] cp1252 = "Aktivitet;När;Budget\r\nFörnyelse av hemsida;2022-06;30 000 kr\r\n".getBytes(Charset.forName("windows-1252"));
        ResponseEntity<JsonNode> imported = csv("finsam-lo", cp1252, "");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode activity = read(imported.getBody().get("activityIds")).get(0);
        assertThat(activity.get("title").asText()).isEqualTo("Förnyelse av hemsida");
        assertThat(activity.get("budgetSek").decimalValue()).isEqualByComparingTo("30000");
    }

    @Test
    void onlyAPlanOfTheCallersAssociationTakesRowsAndABrokenTableIsA400() {
        byte[] row = "title;when\nNyhetsbrev;Löpande\n".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<JsonNode> foreign = csv("sco", row, "");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().get("errors").get(0).get("field").asText()).isEqualTo("planId");

        HttpHeaders unsigned = new HttpHeaders();
        unsigned.setContentType(MediaType.valueOf("text/csv"));
        assertThat(http.exchange("/api/activities/imports?planId=" + planId, HttpMethod.POST, new HttpEntity<>(row, unsigned),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> broken = csv("finsam-lo", "title;when\n\"Nyhetsbrev;Löpande\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> empty = csv("finsam-lo", "title;when\n".getBytes(StandardCharsets.UTF_8), "dryRun=true");
        assertThat(empty.getBody().get("importable").asBoolean()).isFalse();
    }

    @Test
    void aFailureInTheLastRowStoresAndPublishesNoActivity() {
        String atomicPlan = plan("atomic");
        // The database refuses the last row's event: the import fails after every other row was written.
        jdbc.execute("""
                CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF position(convert_to('Sista raden', 'UTF8') IN NEW.payload) > 0 THEN
                    RAISE EXCEPTION 'disk full';
                  END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_last BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION refuse_last()");
        long before = storedEvents();
        try {
            String table = "title;when\nFörsta raden;2022-03-01\nAndra raden;Löpande\nSista raden;2022-04-01\n";
            ResponseEntity<JsonNode> failed = post("atomic", table.getBytes(StandardCharsets.UTF_8), "text/csv", atomicPlan, "");
            assertThat(failed.getStatusCode().is5xxServerError()).isTrue();
            assertThat(storedEvents()).isEqualTo(before);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_last ON domain_event_entry");
            jdbc.execute("DROP FUNCTION refuse_last()");
        }

        // A later import of the same association is published; nothing of the failed one came before it.
        String later = post("atomic", "title;when\nEfteråt;Löpande\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                atomicPlan, "").getBody().get("activityIds").get(0).asText();
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            reader.await(r -> later.equals(r.key()), 1, Duration.ofSeconds(30));
            List<String> atomic = reader.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> "atomic".equals(EventJson.read(r.value()).tenantId())).map(r -> r.key()).distinct().toList();
            assertThat(atomic).containsExactly(later);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT title FROM activity_row WHERE association_id = 'atomic'", String.class)).containsExactly("Efteråt"));
    }

    @Test
    void theImportIsInTheOpenApiDocument() {
        JsonNode docs = http.getForObject("/api/activities/v3/api-docs", JsonNode.class);
        JsonNode operation = docs.get("paths").get("/api/activities/imports").get("post");
        assertThat(operation.get("requestBody").get("content").has("text/csv")).isTrue();
        assertThat(operation.get("parameters")).extracting(p -> p.get("name").asText())
                .contains("planId", "dryRun", "acceptFlagged", "accept");
    }

    private String plan(String association) {
        String id = "plan-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(plansTopic, EventProducer.envelope(new PlanCreated(id, association,
                    "Kommunikationsplan Finsam Lekeberg och Örebro", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31),
                    "lena"), id, 0, now));
            String[] groups = {CHEFER, "Förtroendevalda i huvudmännens beslutade församlingar", "Deltagare till finansierade insatser"};
            for (int i = 0; i < groups.length; i++) {
                producer.send(plansTopic, EventProducer.envelope(new TargetGroupAdded(id, association, "tg-" + i, groups[i],
                        TargetGroupPriority.PRIMARY, Scope.EXTERNAL, null), id, i + 1, now));
            }
            producer.send(plansTopic, EventProducer.envelope(new MilestoneAdded(id, association, "kick-off", "Kick-off",
                    LocalDate.of(2022, 5, 24), null, Rating.G), id, 4, now));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.targetGroups(id).size() == 3 && plans.milestones(id).size() == 1);
        return id;
    }

    private ResponseEntity<JsonNode> csv(String association, byte[] table, String query) {
        return post(association, table, "text/csv", planId, query);
    }

    private ResponseEntity<JsonNode> json(String association, Object rows, String query) {
        return post(association, rows, MediaType.APPLICATION_JSON_VALUE, planId, query);
    }

    private ResponseEntity<JsonNode> post(String association, Object body, String contentType, String plan, String query) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(association, "lena", "communicator").forEach(headers::set);
        headers.setContentType(MediaType.valueOf(contentType));
        return http.exchange("/api/activities/imports?planId=" + plan + (query.isEmpty() ? "" : "&" + query),
                HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private List<JsonNode> read(JsonNode ids) {
        return java.util.stream.StreamSupport.stream(ids.spliterator(), false)
                .map(id -> http.exchange("/api/activities/" + id.asText(), HttpMethod.GET,
                        ActivityServiceTestSupport.as("finsam-lo", "lena", null), JsonNode.class).getBody())
                .toList();
    }

    private long storedEvents() {
        // Reminders are left out: the 1 s reminder sweep stores them for other tests' activities at any moment.
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%.ActivityDueSoon'"
                + " AND payload_type NOT LIKE '%.ActivityOverdue'", Long.class);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ActivityImportApiTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
