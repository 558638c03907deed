package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samplan.testkit.TopicReader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as separate processes, exactly as the local stack runs it: a plan created
 * through the gateway is stored, published, projected and mailed once, and stays once when the
 * consumers are forced to read every topic again from the start.
 */
class EndToEndIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
    }

    @Test
    void aPlanCreatedThroughTheGatewayIsStoredPublishedProjectedAndMailedOnceEvenAfterAFullReread() throws Exception {
        String anna = stack.tokens().issue("anna", "sco", List.of("communicator"), Duration.ofMinutes(30));
        String katja = stack.tokens().issue("katja", "vkl", List.of("communicator"), Duration.ofMinutes(30));

        HttpResponse<String> created = send("POST", "/api/plans", anna,
                "{\"title\":\"Statusrapport kommunikation SCÖ\",\"periodStart\":\"2021-01-01\",\"periodEnd\":\"2021-12-31\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String planId = json.readTree(created.body()).get("planId").asText();

        // In the event store, readable by its association only.
        assertThat(send("GET", "/api/plans/" + planId, anna, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/plans/" + planId, katja, null).statusCode()).isEqualTo(404);

        // On Kafka, once, keyed by the plan.
        try (TopicReader reader = new TopicReader(stack.config().kafkaBootstrap(), "samplan.plans.v1")) {
            assertThat(reader.await(r -> planId.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
        }

        // In reporting's projection through the gateway, and one email in the SMTP server.
        await().atMost(Duration.ofSeconds(60)).until(() -> plansVisibleTo(anna).contains(planId));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout("Statusrapport kommunikation SCÖ") == 1);
        assertThat(plansVisibleTo(katja)).doesNotContain(planId);

        // Force both consumers to read every topic from offset zero.
        stack.restart("reporting-service", Map.of("CONSUMER_RESET_POSITIONS", "true"));
        stack.restart("notification-service", Map.of("CONSUMER_RESET_POSITIONS", "true"));
        await().atMost(Duration.ofSeconds(90)).until(() -> duplicatesSeenBy("reporting-service") >= 1
                && duplicatesSeenBy("notification-service") >= 1);
        Thread.sleep(3_000);  // the dispatcher polls every second: anything queued twice would be sent by now

        // One POST through the gateway is one plan: nothing was proxied twice.
        assertThat(plansVisibleTo(anna)).containsExactly(planId);
        assertThat(mailsAbout("Statusrapport kommunikation SCÖ")).isEqualTo(1);
    }

    /**
     * The plan of 002_1e6c318d1f8f0e56.txt, written through the gateway item by item, reads back
     * equal; revised, its decided version 1 reads back unchanged.
     */
    @Test
    void thePlanOfFinsamLekebergOrebroIsWrittenReadBackRevisedAndItsDecidedVersionKept() throws Exception {
        String lena = stack.tokens().issue("lena", "finsam-lekeberg-orebro", List.of("association-admin"),
                Duration.ofMinutes(30));
        JsonNode source;
        try (var in = EndToEndIT.class.getResourceAsStream("/plan-002.json")) {
            source = json.readTree(in);
        }
        HttpResponse<String> created = send("POST", "/api/plans", lena, json.writeValueAsString(Map.of(
                "title", source.get("title").asText(), "periodStart", source.get("periodStart").asText(),
                "periodEnd", source.get("periodEnd").asText())));
        assertThat(created.statusCode()).isEqualTo(201);
        String plan = "/api/plans/" + json.readTree(created.body()).get("planId").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        for (var section : (Iterable<Map.Entry<String, JsonNode>>) source.get("sections")::fields) {
            etag = write("PUT", plan + "/sections/" + section.getKey(), lena, etag, Map.of("text", section.getValue().asText()));
        }
        for (JsonNode goal : source.get("goals")) {
            etag = write("POST", plan + "/goals", lena, etag, Map.of("text", goal.asText()));
        }
        for (JsonNode audience : source.get("audiences")) {
            etag = write("POST", plan + "/audiences", lena, etag, audience);
        }
        for (JsonNode channel : source.get("channels")) {
            etag = write("POST", plan + "/channels", lena, etag, channel);
        }
        for (JsonNode group : source.get("targetGroups")) {
            etag = write("POST", plan + "/target-groups", lena, etag, group);
        }

        JsonNode read = json.readTree(send("GET", plan, lena, null).body());
        assertThat(read.get("title").asText()).isEqualTo(source.get("title").asText());
        assertThat(read.get("periodEnd").asText()).isEqualTo("2023-12-31");
        assertThat(read.get("sections")).isEqualTo(source.get("sections"));
        assertThat(texts(read.get("goals"), "text")).isEqualTo(texts(source.get("goals"), null));
        assertThat(withoutIds(read.get("audiences"), "audienceId")).isEqualTo(source.get("audiences"));
        assertThat(withoutIds(read.get("channels"), "channelId")).isEqualTo(source.get("channels"));
        assertThat(withoutIds(read.get("targetGroups"), "targetGroupId")).isEqualTo(source.get("targetGroups"));

        etag = write("POST", plan + "/presentation", lena, etag, Map.of("presentedOn", "2022-01-20", "presentedTo", "Styrelsen"));
        etag = write("POST", plan + "/decision", lena, etag, Map.of("decidedOn", "2022-02-24", "decidedBy", "Styrelsen"));
        JsonNode decided = json.readTree(send("GET", plan, lena, null).body());
        etag = write("POST", plan + "/revision", lena, etag, Map.of("reason", "Aktiviteter för 2024"));
        etag = write("PUT", plan + "/title", lena, etag, Map.of("title", "Kommunikationsplan Finsam Lekeberg och Örebro 2024"));
        write("POST", plan + "/goals", lena, etag, Map.of("text", "Ny hemsida i drift"));

        assertThat(json.readTree(send("GET", plan + "/versions/1", lena, null).body())).isEqualTo(decided);
        JsonNode current = json.readTree(send("GET", plan, lena, null).body());
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("goals")).hasSize(6);

        // Its history, for a public-records request: every event in Swedish, and as a PDF.
        JsonNode history = json.readTree(send("GET", plan + "/history", lena, null).body());
        assertThat(history).hasSize(1 + 2 + 5 + 4 + 6 + 3 + 2 + 1 + 2);
        assertThat(history.get(0).get("text").asText()).startsWith("Planen skapades: \"Kommunikationsplan Finsam Lekeberg och Örebro\"");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("lena");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + plan + "/history.pdf"))
                .header("Authorization", "Bearer " + lena).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Files.write(Path.of("target", "plan-002-history.pdf"), pdf.body());
    }

    /**
     * GDPR erasure: a person who got reminders is erased; after every consumer rebuilt its
     * projections from the start, their name and address are nowhere in any service's database,
     * and the plan still reads correctly.
     */
    @Test
    void anErasedPersonLeavesNoTraceInAnyDatabaseAfterARebuild() throws Exception {
        String admin = stack.tokens().issue("admin-1", "regionforbundet-kalmar", List.of("association-admin"), Duration.ofMinutes(30));
        String person = "p-" + java.util.UUID.randomUUID();
        String name = "Zlatana Raderasson";
        String email = "zlatana.raderasson@kalmar.example";
        assertThat(send("PUT", "/api/notifications/people/" + person, admin, json.writeValueAsString(Map.of(
                "name", name, "email", email, "roles", List.of("Projektägare")))).statusCode()).isEqualTo(200);

        HttpResponse<String> created = send("POST", "/api/plans", admin, "{\"title\":\"E-serviceverkstad\"}");
        String planId = json.readTree(created.body()).get("planId").asText();
        String yesterday = java.time.LocalDate.now().minusDays(1).toString();
        assertThat(send("POST", "/api/activities", admin, json.writeValueAsString(Map.of("planId", planId,
                "title", "Månadsrapport till Internetfonden", "responsible", List.of(Map.of("kind", "PERSON", "ref", person)),
                "schedule", Map.of("kind", "DATE", "date", yesterday)))).statusCode()).isEqualTo(201);

        // The reminder sweep (every minute) reports it overdue; the email names the person.
        await().atMost(Duration.ofSeconds(120)).until(() -> stack.receivedMail().stream()
                .anyMatch(mail -> subject(mail).equals("Försenad: Månadsrapport till Internetfonden")));
        assertThat(tablesContaining(name, email)).isNotEmpty();

        assertThat(send("DELETE", "/api/notifications/people/" + person, admin, null).statusCode()).isEqualTo(204);
        stack.restart("reporting-service", Map.of("CONSUMER_RESET_POSITIONS", "true"));
        stack.restart("notification-service", Map.of("CONSUMER_RESET_POSITIONS", "true"));
        await().atMost(Duration.ofSeconds(90)).until(() -> duplicatesSeenBy("notification-service") >= 1);

        assertThat(tablesContaining(name, email)).isEmpty();
        assertThat(json.readTree(send("GET", "/api/plans/" + planId, admin, null).body()).get("title").asText())
                .isEqualTo("E-serviceverkstad");
    }

    /**
     * Issue 5 through the gateway: a plan with milestones and activities; two activities done and a
     * forecast moved; the month's report drafted from those events lists exactly those two results and
     * the move; submitted, it is frozen; the live stream delivered every change as it happened.
     */
    @Test
    void aStatusReportIsDraftedFromEventsSubmittedFrozenAndEveryChangeIsStreamedLive() throws Exception {
        // Östra, not SCÖ: the first test counts SCÖ's plans.
        String sara = stack.tokens().issue("sara", "samordningsforbundet-ostra-ostergotland", List.of("communicator"),
                Duration.ofMinutes(30));
        java.util.concurrent.BlockingQueue<String> live = stream(sara);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));

        HttpResponse<String> created = send("POST", "/api/plans", sara, json.writeValueAsString(Map.of("title", "Kommunikation Östra "
                + today.getYear(), "periodStart", today.withDayOfYear(1).toString(), "periodEnd", today.withDayOfYear(1).plusYears(1).minusDays(1).toString())));
        String planId = json.readTree(created.body()).get("planId").asText();
        String plan = "/api/plans/" + planId;
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> web = sendWithEtag("POST", plan + "/milestones", sara, etag, Map.of("name", "Skapa ny hemsida",
                "targetDate", today.plusDays(30).toString(), "forecastDate", today.plusDays(30).toString(), "status", "G"));
        String milestone = web.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        etag = web.headers().firstValue("ETag").orElseThrow();
        etag = write("POST", plan + "/milestones", sara, etag, Map.of("name", "Kommunikationsstrategi beslutad", "status", "G"));

        List<String> activities = new ArrayList<>();
        for (String title : List.of("Kunskapsdialog", "Digital föreläsning", "Nyhetsbrev")) {
            HttpResponse<String> activity = send("POST", "/api/activities", sara, json.writeValueAsString(Map.of("planId", planId,
                    "title", title, "schedule", Map.of("kind", "DATE", "date", today.toString()))));
            assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
            activities.add(json.readTree(activity.body()).get("activityId").asText());
        }
        for (String activity : activities.subList(0, 2)) {
            String read = send("GET", "/api/activities/" + activity, sara, null).headers().firstValue("ETag").orElseThrow();
            write("POST", "/api/activities/" + activity + "/occurrences/once/completion", sara, read,
                    Map.of("doneOn", today.toString(), "outcome", "Genomförd"));
        }
        write("PUT", plan + "/milestones/" + milestone + "/forecast", sara, etag,
                Map.of("date", today.plusDays(45).toString(), "reason", "Webbyrån har fått förhinder"));

        // The dashboard hears of each change as reporting applies it.
        List<String> changes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            live.drainTo(changes);
            return changes.stream().filter(c -> c.contains("ActivityOccurrenceCompleted")).count() == 2
                    && changes.stream().anyMatch(c -> c.contains("MilestoneForecastChanged"));
        });

        HttpResponse<String> opened = send("POST", "/api/reports/plans/" + planId + "/status-reports", sara,
                json.writeValueAsString(Map.of("period", java.time.YearMonth.from(today).toString())));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode report = json.readTree(opened.body());
        assertThat(StreamSupport.stream(report.get("content").get("results").spliterator(), false)
                .map(r -> r.get("activityId").asText()).toList()).containsExactlyInAnyOrderElementsOf(activities.subList(0, 2));
        JsonNode moved = StreamSupport.stream(report.get("content").get("milestones").spliterator(), false)
                .filter(m -> m.get("milestoneId").asText().equals(milestone)).findFirst().orElseThrow();
        assertThat(moved.get("moves")).hasSize(1);
        assertThat(moved.get("moves").get(0).get("newDate").asText()).isEqualTo(today.plusDays(45).toString());
        assertThat(moved.get("moves").get(0).get("reason").asText()).isEqualTo("Webbyrån har fått förhinder");

        String path = "/api/reports/status-reports/" + java.net.URLEncoder.encode(report.get("reportId").asText(),
                java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode) report.get("content");
        content.get("parameters").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("rating", "G"));
        String reportEtag = write("PUT", path, sara, opened.headers().firstValue("ETag").orElseThrow(), Map.of("content", content));
        write("POST", path + "/submission", sara, reportEtag, Map.of());
        HttpResponse<String> frozen = sendWithEtag("PUT", path, sara, "\"" + (Long.parseLong(reportEtag.replace("\"", "")) + 1) + "\"",
                Map.of("content", content));
        assertThat(frozen.statusCode()).isEqualTo(409);
        assertThat(frozen.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            live.drainTo(changes);
            return changes.stream().anyMatch(c -> c.contains("StatusReportSubmitted"));
        });
        assertThat(changes).anyMatch(c -> c.contains("StatusReportDrafted")).anyMatch(c -> c.contains("StatusReportEdited"));
        assertThat(changes).allMatch(c -> c.contains("\"associationId\":\"samordningsforbundet-ostra-ostergotland\""));
    }

    /** The reporting live stream through the gateway: the data lines of its 'change' events. */
    private static java.util.concurrent.BlockingQueue<String> stream(String token) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/reports/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains("\"type\"")) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the stack stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static HttpResponse<String> sendWithEtag(String method, String path, String token, String etag, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("If-Match", etag).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every table of every service's database with a row whose text (or bytes, as hex) holds a value. */
    private static List<String> tablesContaining(String... values) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        for (String database : Postgres.DATABASES) {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(Postgres.url(stack.config(), database),
                    "postgres", "postgres")) {
                List<String> tables = new java.util.ArrayList<>();
                try (var rs = connection.createStatement().executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    for (String value : values) {
                        try (var query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE t::text ILIKE ? "
                                + "OR t::text ILIKE ?")) {
                            query.setString(1, "%" + value + "%");
                            query.setString(2, "%" + java.util.HexFormat.of().formatHex(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "%");
                            try (var rs = query.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.add(database + "." + table + " has " + value);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String write(String method, String path, String token, String etag, Object body) throws Exception {
        HttpResponse<String> response = sendWithEtag(method, path, token, etag, body);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isIn(200, 201);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static List<String> texts(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> field == null ? item.asText() : item.get(field).asText()).toList();
    }

    private static JsonNode withoutIds(JsonNode items, String idField) {
        var copy = items.deepCopy();
        copy.forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove(idField));
        return copy;
    }

    private static List<String> plansVisibleTo(String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/reports/plans", token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode plans = json.readTree(response.body());
        return StreamSupport.stream(plans.spliterator(), false).map(plan -> plan.get("planId").asText()).toList();
    }

    private static long mailsAbout(String title) {
        return stack.receivedMail().stream().filter(mail -> subject(mail).equals("Ny plan: " + title)).count();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a consumer counted as already applied, from its own Prometheus endpoint. */
    private static double duplicatesSeenBy(String service) throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create(stack.serviceUrl(service) + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines()
                .filter(line -> line.startsWith("samplan_events_duplicates_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                // A client cannot choose its tenant: this header is dropped by the gateway.
                .header("X-Samplan-Tenant", "vkl")
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
