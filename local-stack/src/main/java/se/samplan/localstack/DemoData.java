package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The five source documents as five demo associations, loaded on the stack's first start through
 * the gateway as a user would: each plan file (YAML) and activity table (CSV) in {@code /demo} goes
 * through the import endpoints, dry run first, its flagged values logged and then accepted (what a
 * user does after reading the dry run); SCÖ's December 2021 status report is written and submitted;
 * every demo user is put in their association's directory so reminders reach them.
 * {@code /demo/associations.json} lists the associations, their files and their users.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** How long activity-service and reporting-service may take to read a new plan from Kafka. */
    private static final Duration PROJECTION_DEADLINE = Duration.ofSeconds(90);
    /** The partner lines of a plan file: {@code association: <id>}. */
    private static final Pattern PARTNER = Pattern.compile("(association:\\s*)([a-z0-9][a-z0-9-]*)");

    /** One association as loaded: its plan, its activities and what the dry runs flagged. */
    record Loaded(String association, String planId, List<String> activityIds, JsonNode planDryRun,
                  JsonNode activityDryRun, String reportId) {
    }

    private DemoData() {
    }

    static void loadOnce(LocalStack stack) throws Exception {
        loadOnce(stack, "");
    }

    /**
     * Loads the demo data unless this data directory has it already. {@code associationPrefix} is
     * put before every association id (the plans' partners too), so a test can load the real
     * files into a shared platform without touching the associations other tests count on.
     */
    static List<Loaded> loadOnce(LocalStack stack, String associationPrefix) throws Exception {
        Path marker = stack.config().dataDir().resolve(associationPrefix.isEmpty() ? "demo-data-loaded"
                : "demo-data-loaded-" + associationPrefix.replaceAll("[^A-Za-z0-9-]", "_"));
        if (Files.exists(marker)) {
            return List.of();
        }
        List<Loaded> loaded = new ArrayList<>();
        for (JsonNode association : associations()) {
            String id = associationPrefix + association.get("association").asText();
            directory(stack, id, associationPrefix, association);
            if (association.has("plan")) {
                loaded.add(load(stack, id, associationPrefix, association));
            }
        }
        Files.writeString(marker, "loaded\n");
        log.info("Demo data loaded: {} plans, {} activities", loaded.size(),
                loaded.stream().mapToInt(l -> l.activityIds().size()).sum());
        return loaded;
    }

    /**
     * The association in the register with its demo users as members (each gets an invitation email
     * in the sent mail), and each user in notification-service's directory with the roles reminders
     * resolve ("Förbundschef"). With a prefix, member ids and addresses get it too: a member id is
     * one login on the whole platform, and the unprefixed demo users must keep logging in as themselves.
     */
    private static void directory(LocalStack stack, String association, String prefix, JsonNode demo) throws Exception {
        String platformAdmin = stack.tokens().issue("demo-platform-admin", "platform", List.of("platform-admin"),
                Duration.ofMinutes(10));
        byte[] registration = JSON.writeValueAsBytes(Map.of("associationId", association,
                "name", demo.get("name").asText(), "kind", demo.get("kind").asText()));
        // 409: registered by an earlier start that stopped before the demo data was complete.
        expect(request(stack, "POST", "/api/associations", platformAdmin, "application/json", registration), Set.of(201, 409),
                "association " + association);
        for (JsonNode user : demo.get("users")) {
            String member = prefix + user.get("user").asText();
            byte[] invitation = JSON.writeValueAsBytes(Map.of("memberId", member,
                    "name", user.get("person").get("name").asText(), "email", member + "@" + association + ".samplan.local",
                    "roles", user.get("roles"), "language", user.get("person").path("language").asText("sv")));
            expect(request(stack, "POST", "/api/associations/" + association + "/members", platformAdmin,
                    "application/json", invitation), Set.of(201, 409), "member " + member);
        }
        JsonNode users = demo.get("users");
        String admin = stack.tokens().issue("demo-admin", association, List.of("association-admin"), Duration.ofMinutes(10));
        for (JsonNode user : users) {
            ObjectNode person = user.get("person").deepCopy();
            person.put("email", user.get("user").asText() + "@" + association + ".samplan.local");
            stack.put("/api/notifications/people/" + user.get("user").asText(), admin, person);
        }
    }

    private static Loaded load(LocalStack stack, String association, String prefix, JsonNode demo) throws Exception {
        String importer = demo.get("importer").asText();
        List<String> roles = new ArrayList<>();
        StreamSupport.stream(demo.get("users").spliterator(), false)
                .filter(u -> u.get("user").asText().equals(importer)).findFirst()
                .orElseThrow(() -> new IllegalStateException(importer + " is not a demo user of " + association))
                .get("roles").forEach(r -> roles.add(r.asText()));
        String token = stack.tokens().issue(importer, association, roles, Duration.ofMinutes(30));

        String planFile = demo.get("plan").asText();
        byte[] plan = partners(text("/demo/" + planFile), prefix).getBytes(StandardCharsets.UTF_8);
        JsonNode planDryRun = dryRun(stack, "/api/plans/imports?dryRun=true", token, "application/yaml", plan, planFile);
        HttpResponse<String> imported = request(stack, "POST", "/api/plans/imports" + accepting("?", planDryRun), token,
                "application/yaml", plan);
        expect(imported, 201, planFile);
        String planId = JSON.readTree(imported.body()).get("planId").asText();
        log.info("{}: {} imported as plan {}", association, planFile, planId);

        List<String> activityIds = List.of();
        JsonNode activityDryRun = null;
        if (demo.has("activities")) {
            String activityFile = demo.get("activities").asText();
            byte[] table = bytes("/demo/" + activityFile);
            String path = "/api/activities/imports?planId=" + URLEncoder.encode(planId, StandardCharsets.UTF_8);
            activityDryRun = activityDryRun(stack, path, token, planId, table, activityFile);
            HttpResponse<String> rows = request(stack, "POST", path + accepting("&", activityDryRun), token, "text/csv", table);
            expect(rows, 201, activityFile);
            List<String> ids = new ArrayList<>();
            JSON.readTree(rows.body()).get("activityIds").forEach(i -> ids.add(i.asText()));
            activityIds = List.copyOf(ids);
            log.info("{}: {} imported, {} activities", association, activityFile, activityIds.size());
        }

        String reportId = null;
        if (demo.has("report")) {
            JsonNode report;
            try (InputStream in = LocalStack.resource("/demo/" + demo.get("report").asText())) {
                report = JSON.readTree(in);
            }
            int milestones = stack.get("/api/plans/" + planId, token).get("milestones").size();
            reportId = statusReport(stack, token, planId, milestones, report);
        }
        return new Loaded(association, planId, activityIds, planDryRun, activityDryRun, reportId);
    }

    /** The dry run a user reads before importing: stops on an invalid value, logs each flagged one. */
    private static JsonNode dryRun(LocalStack stack, String path, String token, String contentType, byte[] body,
                                   String file) throws Exception {
        HttpResponse<String> response = request(stack, "POST", path, token, contentType, body);
        expect(response, 200, file + " (dry run)");
        JsonNode report = JSON.readTree(response.body());
        logProblems(file, report);
        return report;
    }

    /**
     * The activity table's dry run, repeated until activity-service has read the plan from Kafka:
     * until then it does not know the plan (a 400 naming planId), or not yet the target groups and
     * milestones the rows refer to (flags naming ones the plan has).
     */
    private static JsonNode activityDryRun(LocalStack stack, String path, String token, String planId, byte[] table,
                                           String file) throws Exception {
        JsonNode plan = stack.get("/api/plans/" + planId, token);
        Set<String> groups = names(plan.get("targetGroups"));
        Set<String> milestones = names(plan.get("milestones"));
        long deadline = System.nanoTime() + PROJECTION_DEADLINE.toNanos();
        String last;
        do {
            HttpResponse<String> response = request(stack, "POST", path + "&dryRun=true", token, "text/csv", table);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode report = JSON.readTree(response.body());
                if (!notYetProjected(report, groups, milestones)) {
                    logProblems(file, report);
                    return report;
                }
            } else if (response.statusCode() != 400 || !response.body().contains("\"field\":\"planId\"")) {
                throw new IllegalStateException("The dry run of " + file + " answered " + last);
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("activity-service did not know plan " + planId + " with its target groups and "
                + "milestones within " + PROJECTION_DEADLINE.toSeconds() + " s (is Kafka up?); last dry run of " + file
                + ": " + last);
    }

    /**
     * Accepts exactly the rows the dry run flagged, as a user who read it would: should the import
     * find another flag, it refuses (422) instead of taking it unseen.
     */
    private static String accepting(String separator, JsonNode dryRun) {
        List<String> rows = StreamSupport.stream(dryRun.get("problems").spliterator(), false)
                .map(p -> p.get("row").asText()).distinct().toList();
        return rows.isEmpty() ? "" : separator + "accept=" + URLEncoder.encode(String.join(",", rows), StandardCharsets.UTF_8);
    }

    private static boolean notYetProjected(JsonNode report, Set<String> groups, Set<String> milestones) {
        for (JsonNode problem : report.get("problems")) {
            String value = problem.path("value").asText("").strip().toLowerCase(Locale.ROOT);
            String kind = problem.get("kind").asText();
            if (kind.equals("UNKNOWN_TARGET_GROUP") && groups.contains(value)) {
                return true;
            }
            if (kind.equals("UNKNOWN_MILESTONE") && milestones.stream().anyMatch(value::endsWith)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(JsonNode items) {
        return Set.copyOf(StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.get("name").asText().strip().toLowerCase(Locale.ROOT)).toList());
    }

    private static void logProblems(String file, JsonNode report) {
        if (report.get("invalid").asLong() > 0) {
            throw new IllegalStateException("The demo file " + file + " has invalid values: " + report.get("problems"));
        }
        for (JsonNode p : report.get("problems")) {
            log.info("{}: row {}, {} \"{}\" flagged {}: {}; accepted for the demo", file, p.get("row").asText(),
                    p.get("field").asText(), p.path("value").asText(""), p.get("kind").asText(), p.get("message").asText());
        }
    }

    /**
     * The status report of the source documents (000: SCÖ, December 2021), opened as a draft once
     * reporting has the plan's milestones, written as the document says it, and submitted.
     */
    private static String statusReport(LocalStack stack, String token, String planId, int milestones, JsonNode report)
            throws Exception {
        long deadline = System.nanoTime() + PROJECTION_DEADLINE.toNanos();
        while (stack.get("/api/reports/plans/" + planId + "/milestones", token).size() < milestones) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Reporting did not get the demo plan's milestones within "
                        + PROJECTION_DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
        JsonNode draft = stack.post("/api/reports/plans/" + planId + "/status-reports", token, Map.of("period",
                report.get("period").asText(), "title", report.get("title").asText(), "recipient", report.get("recipient").asText()));
        String reportId = draft.get("reportId").asText();
        String path = "/api/reports/status-reports/" + URLEncoder.encode(reportId, StandardCharsets.UTF_8);
        ObjectNode content = draft.get("content").deepCopy();
        content.set("results", report.get("results"));
        content.set("plannedActions", report.get("plannedActions"));
        content.set("userPerspective", report.get("userPerspective"));
        content.set("openQuestions", report.get("openQuestions"));
        content.get("parameters").forEach(p -> ((ObjectNode) p)
                .put("rating", report.get("ratings").get(p.get("parameter").asText()).asText()));
        JsonNode edited = stack.send("PUT", path, token, Map.of("content", content), "\"" + draft.get("version").asLong() + "\"");
        stack.send("POST", path + "/submission", token, null, "\"" + edited.get("version").asLong() + "\"");
        return reportId;
    }

    /** Every demo user as {@code user}, {@code association}, {@code roles}: the gateway's development login accepts these. */
    static List<JsonNode> users() throws Exception {
        List<JsonNode> users = new ArrayList<>();
        for (JsonNode association : associations()) {
            for (JsonNode user : association.get("users")) {
                ObjectNode entry = JSON.createObjectNode();
                entry.put("user", user.get("user").asText());
                entry.put("association", association.get("association").asText());
                entry.set("roles", user.get("roles"));
                users.add(entry);
            }
        }
        return users;
    }

    static JsonNode associations() throws IOException {
        try (InputStream in = LocalStack.resource("/demo/associations.json")) {
            return JSON.readTree(in);
        }
    }

    /** The plan file with the prefix before each partner association's id (the files have no other "association:"). */
    static String partners(String planFile, String prefix) {
        return prefix.isEmpty() ? planFile : PARTNER.matcher(planFile).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + prefix + m.group(2)));
    }

    static String text(String resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = LocalStack.resource(resource)) {
            return in.readAllBytes();
        }
    }

    /** A request through the gateway with a body of any type (the stack's helpers send JSON only). */
    private static HttpResponse<String> request(LocalStack stack, String method, String path, String token, String contentType,
                                                byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        expect(response, Set.of(status), what);
    }

    private static void expect(HttpResponse<String> response, Set<Integer> statuses, String what) {
        if (!statuses.contains(response.statusCode())) {
            throw new IllegalStateException("Loading the demo " + what + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
