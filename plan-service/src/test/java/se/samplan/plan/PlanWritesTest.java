package se.samplan.plan;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes against the real service: If-Match concurrency, validation, versions, partners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanWritesTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void twoWritersOnOneVersionExactlyOneSucceeds() throws Exception {
        ResponseEntity<JsonNode> plan = create("sco", "Statusrapport");
        String planId = plan.getBody().get("planId").asText();
        String etag = plan.getHeaders().getETag();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<JsonNode>>> writers = new ArrayList<>();
        for (String title : List.of("Första skribenten", "Andra skribenten")) {
            Callable<ResponseEntity<JsonNode>> write = () -> {
                start.await();
                return send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sco", etag, Map.of("title", title));
            };
            writers.add(pool.submit(write));
        }
        start.countDown();
        List<HttpStatus> outcomes = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> writer : writers) {
            outcomes.add(HttpStatus.valueOf(writer.get().getStatusCode().value()));
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        JsonNode after = read(planId, "sco").getBody();
        assertThat(after.get("sequence").asLong()).isEqualTo(1);
        assertThat(after.get("title").asText()).isIn("Första skribenten", "Andra skribenten");
    }

    @Test
    void aStaleOrMissingVersionChangesNothing() {
        ResponseEntity<JsonNode> plan = create("sco", "Statusrapport");
        String planId = plan.getBody().get("planId").asText();
        String first = plan.getHeaders().getETag();
        String second = send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "sco", first,
                Map.of("text", "Skapa kännedom")).getHeaders().getETag();
        assertThat(second).isEqualTo("\"1\"");

        ResponseEntity<JsonNode> stale = send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "sco", first,
                Map.of("text", "Skrivet på en gammal version"));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> missing = send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "sco", null,
                Map.of("text", "Utan version"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);

        JsonNode after = read(planId, "sco").getBody();
        assertThat(after.get("goals")).hasSize(1);
        assertThat(after.get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        ResponseEntity<JsonNode> plan = create("sco", "Statusrapport");
        String planId = plan.getBody().get("planId").asText();
        String etag = plan.getHeaders().getETag();
        String stakeholder = location(send(HttpMethod.POST, "/api/plans/" + planId + "/stakeholders", "sco", etag,
                Map.of("name", "Styrgrupp")));
        etag = read(planId, "sco").getHeaders().getETag();

        assertField(send(HttpMethod.PUT, "/api/plans/" + planId + "/stakeholder-matrix/" + stakeholder + "/no-such-product",
                "sco", etag, Map.of("code", "E")), "productId");
        assertField(send(HttpMethod.POST, "/api/plans/" + planId + "/milestones", "sco", etag,
                Map.of("name", "Kick-off", "status", "X")), "status");
        assertField(send(HttpMethod.POST, "/api/plans/" + planId + "/milestones", "sco", etag,
                Map.of("name", "Kick-off", "status", "G", "targetDate", "2022-02-30")), "targetDate");
        assertField(send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sco", etag, Map.of("title", " ")), "title");
        assertField(send(HttpMethod.PUT, "/api/plans/" + planId + "/period", "sco", etag,
                Map.of("periodStart", "2022-12-01", "periodEnd", "2022-01-01")), "periodEnd");
        assertField(send(HttpMethod.PUT, "/api/plans/" + planId + "/sections/SOMETHING", "sco", etag,
                Map.of("text", "x")), "section");
        assertField(send(HttpMethod.POST, "/api/plans/" + planId + "/risks", "sco", etag,
                Map.of("description", "Risk", "likelihood", 9)), "likelihood");

        assertThat(read(planId, "sco").getHeaders().getETag()).isEqualTo(etag);
    }

    @Test
    void partnersReadAndContributeOnlyAsGrantedAndOthersSeeNothing() {
        ResponseEntity<JsonNode> plan = create("sco", "Gemensamma föreläsningar");
        String planId = plan.getBody().get("planId").asText();
        String etag = send(HttpMethod.PUT, "/api/plans/" + planId + "/partners/ostra", "sco",
                plan.getHeaders().getETag(), Map.of("access", "READ")).getHeaders().getETag();
        etag = send(HttpMethod.PUT, "/api/plans/" + planId + "/partners/vastra", "sco", etag,
                Map.of("access", "CONTRIBUTE")).getHeaders().getETag();

        assertThat(read(planId, "ostra").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "ostra", etag, Map.of("text", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> contributed = send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "vastra", etag,
                Map.of("text", "Tre föreläsningar per år"));
        assertThat(contributed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.POST, "/api/plans/" + planId + "/presentation", "vastra",
                contributed.getHeaders().getETag(), Map.of("presentedOn", "2021-01-21")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read(planId, "vkl").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRevisionLeavesTheDecidedVersionReadableAsItWas() {
        ResponseEntity<JsonNode> plan = create("sll", "Kommunikationsplan för eHälsalyftet");
        String planId = plan.getBody().get("planId").asText();
        String etag = send(HttpMethod.POST, "/api/plans/" + planId + "/goals", "sll", plan.getHeaders().getETag(),
                Map.of("text", "Öka medarbetarnas kompetens inom eHälsa")).getHeaders().getETag();
        etag = send(HttpMethod.POST, "/api/plans/" + planId + "/presentation", "sll", etag,
                Map.of("presentedOn", "2016-04-01", "presentedTo", "Styrgruppen")).getHeaders().getETag();
        etag = send(HttpMethod.POST, "/api/plans/" + planId + "/decision", "sll", etag,
                Map.of("decidedOn", "2016-04-15", "decidedBy", "Styrgruppen")).getHeaders().getETag();
        JsonNode decided = read(planId, "sll").getBody();

        ResponseEntity<JsonNode> frozen = send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sll", etag,
                Map.of("title", "Ändrad utan revision"));
        assertThat(frozen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        etag = send(HttpMethod.POST, "/api/plans/" + planId + "/revision", "sll", etag,
                Map.of("reason", "Efter tema 1")).getHeaders().getETag();
        send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sll", etag, Map.of("title", "eHälsalyftet, tema 2"));

        JsonNode version1 = http.exchange("/api/plans/" + planId + "/versions/1", HttpMethod.GET,
                PlanServiceTestSupport.as("sll", "person-1", null), JsonNode.class).getBody();
        assertThat(version1).isEqualTo(decided);
        JsonNode version2 = http.exchange("/api/plans/" + planId + "/versions/2", HttpMethod.GET,
                PlanServiceTestSupport.as("sll", "person-1", null), JsonNode.class).getBody();
        assertThat(version2.get("title").asText()).isEqualTo("eHälsalyftet, tema 2");
        assertThat(version2.get("status").asText()).isEqualTo("REVISING");
        assertThat(http.exchange("/api/plans/" + planId + "/versions/3", HttpMethod.GET,
                PlanServiceTestSupport.as("sll", "person-1", null), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aClosedPlanPastRetentionIsArchivedWithItsHistoryAndADryRunChangesNothing() {
        // A title beyond WinAnsi (Sámi ŋ, Polish ł, an arrow): the history PDF prints it as written.
        ResponseEntity<JsonNode> plan = create("kalmar", "E-serviceverkstad Ŋuorra → Łódź");
        String planId = plan.getBody().get("planId").asText();
        send(HttpMethod.POST, "/api/plans/" + planId + "/closing", "kalmar", plan.getHeaders().getETag(),
                Map.of("closedOn", "2015-01-31", "reason", "Projektet slutrapporterat"));
        assertThat(http.exchange("/api/plans/retention", HttpMethod.PUT, PlanServiceTestSupport.as("kalmar", "someone", "",
                Map.of("keepClosedDays", 3650)), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        http.exchange("/api/plans/retention", HttpMethod.PUT, PlanServiceTestSupport.as("kalmar", "admin", "association-admin",
                Map.of("keepClosedDays", 3650)), JsonNode.class);

        // Archived only once the publisher has passed the plan's events.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> runRetention(true).size() == 1);
        JsonNode dryRun = runRetention(true);
        assertThat(dryRun.get(0).get("planId").asText()).isEqualTo(planId);
        assertThat(read(planId, "kalmar").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(runRetention(false)).hasSize(1);
        assertThat(read(planId, "kalmar").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode kept = http.exchange("/api/plans/retention/archive/" + planId, HttpMethod.GET,
                PlanServiceTestSupport.as("kalmar", "admin", null), JsonNode.class).getBody();
        assertThat(kept).extracting(entry -> entry.get("type").asText()).containsExactly("PlanCreated", "PlanClosed");
        assertThat(kept.get(1).get("text").asText()).isEqualTo("Planen avslutades 2015-01-31 (Projektet slutrapporterat).");
        byte[] pdf = http.exchange("/api/plans/retention/archive/" + planId + "/history.pdf", HttpMethod.GET,
                PlanServiceTestSupport.as("kalmar", "admin", null), byte[].class).getBody();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Historik: E-serviceverkstad Ŋuorra → Łódź");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(http.exchange("/api/plans/retention/archive/" + planId, HttpMethod.GET,
                PlanServiceTestSupport.as("sco", "admin", null), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runRetention(false)).isEmpty();
    }

    @Test
    void aLongPlanIsLoadedFromItsSnapshotAndFromItsEventsWhenTheSnapshotIsOfAnotherRevision() {
        ResponseEntity<JsonNode> plan = create("sco", "Statusrapport");
        String planId = plan.getBody().get("planId").asText();
        ResponseEntity<JsonNode> added = send(HttpMethod.POST, "/api/plans/" + planId + "/milestones", "sco",
                plan.getHeaders().getETag(), Map.of("name", "Kick-off", "targetDate", "2026-03-02", "status", "G"));
        String milestone = location(added);
        String etag = added.getHeaders().getETag();
        String stale = etag;
        // More forecast moves than samplan.plans.snapshot-after (50).
        for (int day = 1; day <= 55; day++) {
            ResponseEntity<JsonNode> moved = send(HttpMethod.PUT, "/api/plans/" + planId + "/milestones/" + milestone + "/forecast",
                    "sco", etag, Map.of("date", java.time.LocalDate.of(2026, 3, 2).plusDays(day).toString(), "reason", "Flytt " + day));
            assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
            etag = moved.getHeaders().getETag();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, planId) == 1);
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                String.class, planId)).isEqualTo("1");
        // The version a write is checked against is the snapshot's plus the events after it.
        assertThat(send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sco", stale, Map.of("title", "Gammal")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // A snapshot whose title was changed behind the events' back: the plan decides with it, so
        // retitling to that title is no change and adds no event (the events still say Statusrapport).
        jdbc.update("""
                UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                    '"title":"Statusrapport"', '"title":"Från ögonblicksbilden"'), 'UTF8') WHERE aggregate_identifier = ?""", planId);
        ResponseEntity<JsonNode> unchanged = send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sco", etag,
                Map.of("title", "Från ögonblicksbilden"));
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unchanged.getBody().get("sequence").asLong()).isEqualTo(56);
        assertThat(unchanged.getBody().get("title").asText()).isEqualTo("Statusrapport");

        // Of another revision of Plan, the snapshot is not read: the plan is folded from its events.
        jdbc.update("UPDATE snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?", planId);
        ResponseEntity<JsonNode> retitled = send(HttpMethod.PUT, "/api/plans/" + planId + "/title", "sco", etag,
                Map.of("title", "Från ögonblicksbilden"));
        assertThat(retitled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retitled.getBody().get("sequence").asLong()).isEqualTo(57);
        assertThat(retitled.getBody().get("title").asText()).isEqualTo("Från ögonblicksbilden");
        assertThat(retitled.getBody().get("milestones").get(0).get("forecastDate").asText()).isEqualTo("2026-04-26");
    }

    private JsonNode runRetention(boolean dryRun) {
        return http.exchange("/api/plans/retention/runs?dryRun=" + dryRun, HttpMethod.POST,
                PlanServiceTestSupport.as("kalmar", "admin", "association-admin", null), JsonNode.class).getBody();
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
    }

    private static String location(ResponseEntity<JsonNode> created) {
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String path = created.getHeaders().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private ResponseEntity<JsonNode> create(String association, String title) {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/plans",
                PlanServiceTestSupport.as(association, "person-1", Map.of("title", title)), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created;
    }

    private ResponseEntity<JsonNode> read(String planId, String association) {
        return http.exchange("/api/plans/" + planId, HttpMethod.GET,
                PlanServiceTestSupport.as(association, "person-1", null), JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String association, String etag, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(PlanServiceTestSupport.as(association, "person-1", null).getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (etag != null) {
            headers.setIfMatch(etag);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
