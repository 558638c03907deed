package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Tenant isolation through the gateway, walked from the services' own OpenAPI documents: every
 * operation of every service, with its path filled with real ids of association A's resources, is
 * tried with a valid token of association B holding every role (and forged identity headers naming
 * A), with no token, with an expired token of A and with a token of A signed by another key. B gets
 * 404 (403 for platform administration, such as registering an association; only its own data from
 * per-caller endpoints), the other
 * three 401; nothing of A changes. An operation the documents add without a rule here fails the test.
 * Also: a partner association reads the plan shared with it and nothing else of the owner's.
 */
class TenantIsolationIT {

    private static final String A = "isolation-a";
    private static final String B = "isolation-b";
    private static final String PARTNER = "isolation-partner";
    private static final List<String> ALL_ROLES = List.of("association-admin", "plan-owner", "communicator", "contributor", "reader");
    private static final List<String> DOCUMENTS = List.of("/api/plans/v3/api-docs", "/api/activities/v3/api-docs",
            "/api/reports/v3/api-docs", "/api/notifications/v3/api-docs");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Where a forged secret or signature goes: a well-formed value no one was given. */
    private static final String FORGED_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper json = new ObjectMapper();
    private static LocalStack stack;

    /** What association B's request must get, for an operation without A's id in its path. */
    enum Expect {
        /** Another association's resource: as if it did not exist. */
        NOT_FOUND,
        /** A's id in the query or body: refused (404, or 400 naming the field), never applied. */
        REFUSED,
        /** About the caller's own association or person: B's own answer, nothing of A's in it. */
        PER_CALLER,
        /** Platform administration: no association role allows it. */
        FORBIDDEN,
        /** Open without login, its authority a secret or signature in the URL: a forged one opens nothing. */
        OPEN,
        /** The live stream: B's stays silent about A's changes (checked in a test of its own). */
        STREAM
    }

    /**
     * Every operation without a path variable of A's resources, with what B gets. An operation with
     * path variables needs a fill rule for each ({@link #FILL}) and B gets 404. Anything else the
     * documents list fails the walk.
     */
    private static final Map<String, Expect> WITHOUT_PATH_IDS = Map.ofEntries(
            Map.entry("POST /api/associations", Expect.FORBIDDEN),
            Map.entry("POST /api/plans", Expect.PER_CALLER),
            Map.entry("POST /api/plans/imports", Expect.PER_CALLER),
            Map.entry("GET /api/plans/retention", Expect.PER_CALLER),
            Map.entry("PUT /api/plans/retention", Expect.PER_CALLER),
            Map.entry("POST /api/plans/retention/runs", Expect.PER_CALLER),
            Map.entry("GET /api/activities", Expect.REFUSED),
            Map.entry("POST /api/activities", Expect.REFUSED),
            Map.entry("POST /api/activities/imports", Expect.REFUSED),
            Map.entry("GET /api/activities/settings", Expect.PER_CALLER),
            Map.entry("PUT /api/activities/settings", Expect.PER_CALLER),
            Map.entry("GET /api/reports/plans", Expect.PER_CALLER),
            Map.entry("GET /api/reports/status", Expect.PER_CALLER),
            Map.entry("GET /api/reports/portfolio", Expect.PER_CALLER),
            Map.entry("GET /api/reports/stream", Expect.STREAM),
            Map.entry("POST /api/reports/admin/rebuild", Expect.FORBIDDEN),
            Map.entry("GET /api/notifications/outbox", Expect.PER_CALLER),
            Map.entry("GET /api/notifications/people", Expect.PER_CALLER),
            Map.entry("GET /api/notifications/preferences", Expect.PER_CALLER),
            Map.entry("PUT /api/notifications/preferences", Expect.PER_CALLER),
            Map.entry("GET /api/notifications/digest-settings", Expect.PER_CALLER),
            Map.entry("PUT /api/notifications/digest-settings", Expect.PER_CALLER),
            Map.entry("POST /api/notifications/calendar/me", Expect.PER_CALLER),
            Map.entry("GET /api/notifications/unsubscribe", Expect.OPEN),
            Map.entry("POST /api/notifications/unsubscribe", Expect.OPEN));

    /** Operations with path variables that are open without login: filled with forged secrets. */
    private static final Set<String> OPEN_WITH_PATH = Set.of("GET /api/notifications/calendar/feeds/{token}.ics");

    /** GETs that A itself cannot read with these ids, so the positive control skips them. */
    private static final Set<String> A_CANNOT_READ = Set.of(
            "GET /api/plans/retention/archive/{planId}", "GET /api/plans/retention/archive/{planId}/history.pdf");

    /** Path variable → A's value (filled in by the setup). */
    private static final Map<String, String> FILL = new LinkedHashMap<>();
    /** Every id and name of A's that B must never see. */
    private static final Set<String> A_MARKERS = new java.util.LinkedHashSet<>();

    private static String aToken;
    private static String bToken;
    private static String expiredToken;
    private static String forgedToken;
    private static String planId;
    private static String privatePlanId;
    private static String scratchPlanId;
    private static String activityId;
    private static String privateActivityId;
    private static String reportId;
    private static String calendarPath;
    private static String planEtag;
    private static String activityEtag;
    private static String reportEtag;
    private static JsonNode reportContent;

    @BeforeAll
    static void associationAsResources() throws Exception {
        stack = SharedStack.get();
        aToken = stack.tokens().issue("iso-anna", A, ALL_ROLES, Duration.ofMinutes(60));
        bToken = stack.tokens().issue("iso-bengt", B, ALL_ROLES, Duration.ofMinutes(60));
        // Both claim A with every role: one expired beyond any clock skew, one signed with a key the gateway does not know.
        expiredToken = stack.tokens().issue("iso-anna", A, ALL_ROLES, Duration.ofMinutes(-10));
        forgedToken = new DevTokens("not-the-gateways-key-" + UUID.randomUUID()).issue("iso-anna", A, ALL_ROLES,
                Duration.ofMinutes(60));

        // The shared plan P1 with one item of every kind, shared READ with the partner.
        HttpResponse<String> created = ok(send("POST", "/api/plans", aToken, null,
                Map.of("title", "Isolering A P1", "periodStart", "2027-01-01", "periodEnd", "2027-12-31")));
        planId = json.readTree(created.body()).get("planId").asText();
        planEtag = etag(created);
        FILL.put("planId", planId);
        addItem("goals", "goalId", Map.of("text", "A:s mål"));
        addItem("audiences", "audienceId", Map.of("name", "A:s publik", "know", "k", "feel", "f", "act", "a"));
        addItem("target-groups", "targetGroupId", Map.of("name", "A:s målgrupp", "priority", "PRIMARY", "scope", "EXTERNAL"));
        addItem("channels", "channelId", Map.of("name", "A:s kanal", "scope", "EXTERNAL"));
        addItem("key-messages", "messageId", Map.of("text", "A:s budskap"));
        addItem("risks", "riskId", Map.of("description", "A:s risk", "likelihood", 2, "impact", 3));
        addItem("stakeholders", "stakeholderId", Map.of("name", "A:s intressent"));
        addItem("information-products", "productId", Map.of("name", "A:s nyhetsbrev"));
        addItem("checklist", "itemId", Map.of("question", "A:s fråga?"));
        addItem("milestones", "milestoneId", Map.of("name", "A:s milstolpe", "targetDate", "2027-06-01", "status", "G"));
        planEtag = etag(ok(send("PUT", "/api/plans/" + planId + "/partners/" + PARTNER, aToken, planEtag, Map.of("access", "READ"))));
        FILL.put("partnerAssociationId", PARTNER);
        FILL.put("section", "BACKGROUND");
        FILL.put("version", "1");

        // P2: kept private. P3: a scratch plan whose changes the live-stream test makes.
        privatePlanId = json.readTree(ok(send("POST", "/api/plans", aToken, null, Map.of("title", "Isolering A P2 privat")))
                .body()).get("planId").asText();
        scratchPlanId = json.readTree(ok(send("POST", "/api/plans", aToken, null, Map.of("title", "Isolering A P3")))
                .body()).get("planId").asText();

        // Activities on P1 and P2, once activity-service knows the plans (a partner's access comes from there).
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/activities?planId=" + planId, planToken(PARTNER),
                null, null).statusCode() == 200);
        HttpResponse<String> activity = ok(send("POST", "/api/activities", aToken, null, Map.of("planId", planId,
                "title", "A:s utskick", "kind", "COMMUNICATION_OCCASION", "schedule", Map.of("kind", "DATE", "date", "2027-05-15"))));
        JsonNode activityView = json.readTree(activity.body());
        activityId = activityView.get("activityId").asText();
        activityEtag = etag(activity);
        FILL.put("activityId", activityId);
        FILL.put("occurrenceId", activityView.get("occurrences").get(0).get("occurrenceId").asText());
        privateActivityId = json.readTree(ok(send("POST", "/api/activities", aToken, null, Map.of("planId", privatePlanId,
                "title", "A:s privata utskick", "schedule", Map.of("kind", "DATE", "date", "2027-05-15")))).body())
                .get("activityId").asText();
        // Both plans known to activity-service and both activities in its lists, before anything is compared.
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/activities?planId=" + privatePlanId,
                planToken(PARTNER), null, null).statusCode() == 404);
        for (String plan : List.of(planId, privatePlanId)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(
                    send("GET", "/api/activities?planId=" + plan, aToken, null, null).body()).size() == 1);
        }

        // A status report and a cadence, once reporting has the plan.
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/reports/plans/" + planId, aToken, null, null)
                .statusCode() == 200);
        HttpResponse<String> report = ok(send("POST", "/api/reports/plans/" + planId + "/status-reports", aToken, null,
                Map.of("period", "2027-01")));
        reportId = json.readTree(report.body()).get("reportId").asText();
        reportEtag = etag(report);
        reportContent = json.readTree(report.body()).get("content");
        FILL.put("reportId", reportId);
        FILL.put("cadenceId", json.readTree(ok(send("POST", "/api/reports/plans/" + planId + "/cadences", aToken, null,
                Map.of("recipient", "A:s styrelse", "frequency", "QUARTERLY"))).body()).get("cadenceId").asText());

        // A's person, settings, preferences and a calendar feed.
        ok(send("PUT", "/api/notifications/people/iso-anna", aToken, null,
                Map.of("name", "Anna Isolering", "email", "iso-anna@isolation-a.example", "language", "sv")));
        FILL.put("personId", "iso-anna");
        ok(send("PUT", "/api/notifications/preferences", aToken, null,
                Map.of("dueSoon", true, "overdue", true, "reportDue", false, "digest", true, "leadDays", 4)));
        ok(send("PUT", "/api/notifications/digest-settings", aToken, null, Map.of("dayOfWeek", 2, "hour", 7)));
        ok(send("PUT", "/api/plans/retention", aToken, null, Map.of("keepClosedDays", 4000)));

        // A in the association register, with a member of its own.
        String platformAdmin = stack.tokens().issue("iso-operator", "platform", List.of("platform-admin"), Duration.ofMinutes(30));
        assertThat(send("POST", "/api/associations", platformAdmin, null, Map.of("associationId", A,
                "name", "Isolering A förbund", "kind", "SAMORDNINGSFORBUND")).statusCode()).isIn(201, 409);
        String memberId = "iso-member-" + UUID.randomUUID().toString().substring(0, 8);
        ok(send("POST", "/api/associations/" + A + "/members", aToken, null, Map.of("memberId", memberId,
                "name", "Isolering A medlem", "email", memberId + "@isolation-a.example", "roles", List.of("reader"))));
        FILL.put("associationId", A);
        FILL.put("memberId", memberId);
        ok(send("PUT", "/api/activities/settings", aToken, null, Map.of("dueSoonLeadDays", 6)));
        await().atMost(Duration.ofSeconds(60)).until(() -> send("POST", "/api/notifications/calendar/plans/" + planId, aToken,
                null, null).statusCode() == 200);
        String feedUrl = json.readTree(send("POST", "/api/notifications/calendar/plans/" + planId, aToken, null, null).body())
                .get("url").asText();
        calendarPath = URI.create(feedUrl).getRawPath();
        FILL.put("token", FORGED_SECRET);

        A_MARKERS.addAll(List.of(planId, privatePlanId, scratchPlanId, activityId, privateActivityId, reportId, "iso-anna",
                "isolation-a", "Isolering A", "A:s ", memberId));
        FILL.forEach((name, value) -> {
            if (value.length() > 20 && !name.equals("token")) {
                A_MARKERS.add(value);
            }
        });
    }

    @Test
    void everyOperationOfEveryServiceRefusesAnotherAssociationAndEveryInvalidToken() throws Exception {
        Map<String, String> before = snapshot();

        List<Operation> operations = operations();
        assertThat(operations.stream().map(o -> o.path().split("/")[2]).distinct())
                .as("operations of all four services (plan-service also keeps the associations)")
                .containsExactlyInAnyOrder("associations", "plans", "activities", "reports", "notifications");
        List<String> unruled = operations.stream().filter(o -> o.rule() == null).map(Operation::key).toList();
        assertThat(unruled).as("operations without a fill rule: give each one in WITHOUT_PATH_IDS or FILL").isEmpty();

        int pairs = 0;
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.rule() == Expect.STREAM) {
                pairs += 4;   // B's side in its own test; the three invalid tokens here
                for (String token : new String[]{null, expiredToken, forgedToken}) {
                    check(failures, operation, "invalid token", attack(operation, token), Set.of(401));
                }
                continue;
            }
            Request request = request(operation);
            HttpResponse<String> asB = attack(operation, bToken);
            pairs++;
            StringBuilder line = new StringBuilder(operation.key()).append(" [").append(operation.rule()).append("] B ")
                    .append(asB.statusCode());
            switch (operation.rule()) {
                case NOT_FOUND -> {
                    check(failures, operation, "B", asB, Set.of(404));
                    if (asB.statusCode() == 404 && !asB.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        failures.add(operation.key() + " B: 404 is not problem+json");
                    }
                }
                case REFUSED -> check(failures, operation, "B", asB, Set.of(400, 404));
                case FORBIDDEN -> check(failures, operation, "B", asB, Set.of(403));
                case OPEN -> check(failures, operation, "B", asB, Set.of(400, 404));
                case PER_CALLER -> {
                    if (asB.statusCode() >= 500 || asB.statusCode() == 401 || asB.statusCode() == 429) {
                        failures.add(operation.key() + " B: " + asB.statusCode());
                    }
                    if (asB.statusCode() < 300) {
                        A_MARKERS.stream().filter(asB.body()::contains).forEach(marker ->
                                failures.add(operation.key() + " B: answer holds A's " + marker));
                    }
                }
                default -> throw new IllegalStateException();
            }
            Set<Integer> invalid = operation.rule() == Expect.OPEN ? Set.of(400, 401, 404) : Set.of(401);
            for (Map.Entry<String, String> token : tokens().entrySet()) {
                HttpResponse<String> response = attack(operation, token.getValue());
                check(failures, operation, token.getKey(), response, invalid);
                line.append(", ").append(token.getKey()).append(' ').append(response.statusCode());
                pairs++;
            }
            if (request.method().equals("GET") && request.pathHasIds() && operation.rule() == Expect.NOT_FOUND
                    && !A_CANNOT_READ.contains(operation.key())) {
                // The fill is right: A itself reads what B was refused, so B's 404 is the tenant check, not a bad path.
                HttpResponse<String> asA = send(request.method(), request.uri(), aToken, request.ifMatch(), null);
                if (asA.statusCode() != 200) {
                    failures.add(operation.key() + " A reads its own " + request.uri() + ": " + asA.statusCode());
                }
                line.append(", A itself ").append(asA.statusCode());
            }
            System.out.println(line);
        }

        System.out.printf("Tenant isolation: %d operations in the OpenAPI documents, %d endpoint/attack pairs tried%n",
                operations.size(), pairs);
        assertThat(failures).as("isolation failures").isEmpty();
        assertThat(pairs).isGreaterThanOrEqualTo(4 * operations.size());
        assertThat(snapshot()).as("A's resources after the walk").isEqualTo(before);
    }

    @Test
    void theLiveStreamOfAnotherAssociationStaysSilentAboutAsChanges() throws Exception {
        StreamReader mine = StreamReader.open(aToken);
        StreamReader theirs = StreamReader.open(bToken);
        try {
            assertThat(theirs.status).isEqualTo(200);
            HttpResponse<String> plan = ok(send("GET", "/api/plans/" + scratchPlanId, aToken, null, null));
            ok(send("POST", "/api/plans/" + scratchPlanId + "/goals", aToken, etag(plan), Map.of("text", "Syns bara för A")));
            // A's own stream hears of it (so the stream works), B's never does.
            await().atMost(Duration.ofSeconds(60)).until(() -> mine.received().contains(scratchPlanId));
            Thread.sleep(2000);
            assertThat(theirs.received()).doesNotContain(scratchPlanId).doesNotContain(A);
        } finally {
            mine.close();
            theirs.close();
        }
    }

    @Test
    void pathsOpenWithoutLoginRefuseAMissingOrForgedSecret() throws Exception {
        for (String method : List.of("GET", "POST")) {
            assertThat(send(method, "/api/notifications/unsubscribe", null, null, null).statusCode()).as(method + " no token")
                    .isEqualTo(400);
            assertThat(send(method, "/api/notifications/unsubscribe?token=" + FORGED_SECRET, null, null, null).statusCode())
                    .as(method + " forged token").isEqualTo(400);
            assertThat(send(method, "/api/notifications/unsubscribe?token=iso-anna.all." + FORGED_SECRET, null, null, null)
                    .statusCode()).as(method + " forged signature").isEqualTo(400);
        }
        // A's real feed answers (so a refusal below is the secret's doing), a changed secret does not.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> feed = send("GET", calendarPath, null, null, null);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("BEGIN:VCALENDAR").contains("A:s utskick");
        });
        String secret = calendarPath.substring(calendarPath.lastIndexOf('/') + 1, calendarPath.length() - ".ics".length());
        String altered = (secret.charAt(0) == 'a' ? 'b' : 'a') + secret.substring(1);
        assertThat(send("GET", calendarPath.replace(secret, altered), null, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/notifications/calendar/feeds/" + FORGED_SECRET + ".ics", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/notifications/calendar/feeds/.ics", null, null, null).statusCode()).isIn(400, 404);
    }

    @Test
    void aPartnerReadsTheSharedPlanButNoneOfTheOwnersOtherPlans() throws Exception {
        String partner = planToken(PARTNER);
        // P1, shared to read: the plan, its activities, its reports and its place in the portfolio.
        assertThat(send("GET", "/api/plans/" + planId, partner, null, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json.readTree(
                ok(send("GET", "/api/activities?planId=" + planId, partner, null, null)).body()))
                .extracting(a -> a.get("activityId").asText()).containsExactly(activityId));
        assertThat(send("GET", "/api/activities/" + activityId, partner, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/reports/plans/" + planId + "/status-reports", partner, null, null).body()).contains(reportId);
        assertThat(send("GET", "/api/reports/status-reports/" + reportId, partner, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/reports/plans/" + planId + "/statistics", partner, null, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                send("GET", "/api/reports/plans/" + planId + "/milestones", partner, null, null).body()).contains("A:s milstolpe"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode portfolio = json.readTree(ok(send("GET", "/api/reports/portfolio", partner, null, null)).body());
            assertThat(portfolio).extracting(p -> p.get("planId").asText() + " " + p.get("access").asText())
                    .contains(planId + " READ").noneMatch(p -> p.contains(privatePlanId) || p.contains(scratchPlanId));
        });
        // ... to read only.
        assertThat(send("PUT", "/api/plans/" + planId + "/title", partner, planEtag, Map.of("title", "Partnerns titel"))
                .statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/activities", partner, null, Map.of("planId", planId, "title", "x",
                "schedule", Map.of("kind", "DATE", "date", "2027-05-15"))).statusCode()).isEqualTo(403);

        // P2, not shared: not there, in every service.
        for (String path : List.of("/api/plans/" + privatePlanId, "/api/plans/" + privatePlanId + "/history",
                "/api/activities?planId=" + privatePlanId, "/api/activities/" + privateActivityId,
                "/api/reports/plans/" + privatePlanId, "/api/reports/plans/" + privatePlanId + "/status-reports",
                "/api/reports/plans/" + privatePlanId + "/statistics", "/api/reports/plans/" + privatePlanId + "/milestones",
                "/api/reports/plans/" + privatePlanId + "/activities.csv")) {
            HttpResponse<String> refused = send("GET", path, partner, null, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).doesNotContain("Isolering A P2");
        }
        assertThat(send("POST", "/api/notifications/calendar/plans/" + privatePlanId, partner, null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/reports/status", partner, null, null).body()).doesNotContain(privatePlanId);
    }

    // The walk

    record Operation(String method, String path, JsonNode spec, JsonNode document, Expect rule) {
        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    record Request(String method, String uri, String ifMatch, String contentType, String body, boolean pathHasIds) { }

    private static List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String document : DOCUMENTS) {
            HttpResponse<String> response = ok(send("GET", document, aToken, null, null));
            JsonNode doc = json.readTree(response.body());
            Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (METHODS.contains(method.getKey())) {
                        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(), doc,
                                rule(method.getKey().toUpperCase() + " " + path.getKey(), path.getKey())));
                    }
                }
            }
        }
        operations.sort(java.util.Comparator.comparing(Operation::key));
        return operations;
    }

    /** The rule for an operation, or null when it has none (which fails the walk). */
    private static Expect rule(String key, String path) {
        if (OPEN_WITH_PATH.contains(key)) {
            return Expect.OPEN;
        }
        List<String> variables = variables(path);
        if (variables.isEmpty()) {
            return WITHOUT_PATH_IDS.get(key);
        }
        return FILL.keySet().containsAll(variables) ? Expect.NOT_FOUND : null;
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Request request(Operation operation) throws Exception {
        String path = operation.path();
        for (String variable : variables(path)) {
            path = path.replace("{" + variable + "}", URLEncoder.encode(FILL.get(variable), StandardCharsets.UTF_8)
                    .replace("%3A", ":"));
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            String value = switch (name) {
                case "planId" -> planId;
                case "token" -> FORGED_SECRET;
                case "dryRun" -> "true";   // an attack that got through would still store nothing
                default -> null;
            };
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (parameter.path("required").asBoolean() && !"caller".equals(name)) {
                fail("No fill rule for the required query parameter " + name + " of " + operation.key());
            }
        }
        String uri = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String ifMatch = operation.method().equals("GET") ? null
                : path.startsWith("/api/plans/" + planId) ? planEtag
                : path.startsWith("/api/activities/" + activityId) ? activityEtag
                : path.startsWith("/api/reports/status-reports/") ? reportEtag : null;
        String contentType = null;
        String body = null;
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (!content.isMissingNode() && content.size() > 0) {
            if (operation.key().equals("POST /api/activities/imports")) {
                contentType = "text/csv";
                body = "title;when\nB:s rad;2027-05\n";
            } else {
                contentType = "application/json";
                body = json.writeValueAsString(body(operation, content));
            }
        }
        return new Request(operation.method(), uri, ifMatch, contentType, body, !variables(operation.path()).isEmpty());
    }

    /** A valid body for the operation, so that nothing but the tenant check stands between B and A's data. */
    private static JsonNode body(Operation operation, JsonNode content) throws IOException {
        String key = operation.key();
        if (key.equals("POST /api/activities")) {
            return json.valueToTree(Map.of("planId", planId, "title", "B:s aktivitet", "kind", "COMMUNICATION_OCCASION",
                    "schedule", Map.of("kind", "DATE", "date", "2027-05-20")));
        }
        if (key.equals("PUT /api/activities/{activityId}/schedule")) {
            return json.valueToTree(Map.of("kind", "DATE", "date", "2027-05-20"));
        }
        if (key.equals("PUT /api/reports/status-reports/{reportId}")) {
            return json.valueToTree(Map.of("title", "B:s titel", "content", reportContent));
        }
        if (key.equals("POST /api/reports/plans/{planId}/status-reports")) {
            return json.valueToTree(Map.of("period", "2027-02"));
        }
        if (key.equals("POST /api/reports/plans/{planId}/cadences")) {
            return json.valueToTree(Map.of("recipient", "B:s mottagare", "frequency", "MONTHLY"));
        }
        if (key.equals("POST /api/associations/{associationId}/members")) {
            return json.valueToTree(Map.of("email", "mallory@isolation-b.example", "name", "B:s namn", "roles", List.of("reader")));
        }
        if (key.equals("PUT /api/associations/{associationId}/members/{memberId}/roles")) {
            return json.valueToTree(Map.of("roles", List.of("association-admin")));
        }
        if (key.equals("POST /api/plans/imports")) {
            return json.valueToTree(Map.of("title", "B:s import"));
        }
        JsonNode schema = content.has("application/json") ? content.get("application/json").get("schema")
                : content.elements().next().get("schema");
        return example(schema, operation.document(), 0);
    }

    /** A value that satisfies the schema: every property, enums' first value, minimums, dates in the plan's period. */
    private static JsonNode example(JsonNode schema, JsonNode document, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema == null || depth > 8) {
            return nodes.nullNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return example(document.get("components").get("schemas").get(name), document, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), document, depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.get("items"), document, depth + 1));
                return array;
            }
            case "integer" -> {
                long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
                return nodes.numberNode(Math.min(Math.max(minimum, 1), maximum));
            }
            case "number" -> {
                return nodes.numberNode(1);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText();
                String pattern = schema.path("pattern").asText();
                return nodes.textNode(switch (format) {
                    case "date" -> "2027-03-01";
                    case "date-time" -> "2027-03-01T09:00:00Z";
                    case "email" -> "mallory@isolation-b.example";
                    default -> pattern.equals("sv|en") ? "sv" : pattern.isEmpty() ? "B:s text" : "iso-b";
                });
            }
        }
    }

    private static HttpResponse<String> attack(Operation operation, String token) throws Exception {
        Request request = request(operation);
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null && token.equals(bToken)) {
            // B also names A in the identity headers the gateway must drop.
            headers.put("X-Samplan-Tenant", A);
            headers.put("X-Samplan-User", "iso-anna");
            headers.put("X-Samplan-Roles", String.join(",", ALL_ROLES));
        }
        return send(request.method(), request.uri(), token, request.ifMatch(), request.contentType(), request.body(), headers);
    }

    /** The three invalid credentials: none, A's expired, A's signed with another key. */
    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired", expiredToken);
        tokens.put("forged", forgedToken);
        return tokens;
    }

    private static void check(List<String> failures, Operation operation, String who, HttpResponse<String> response,
                              Set<Integer> expected) {
        if (!expected.contains(response.statusCode())) {
            failures.add(operation.key() + " " + who + ": " + response.statusCode() + " (expected " + expected + ") "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    // A's resources, as A reads them

    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> state = new TreeMap<>();
        for (String path : List.of("/api/plans/" + planId, "/api/plans/" + privatePlanId, "/api/activities/" + activityId,
                "/api/activities/" + privateActivityId, "/api/reports/status-reports/" + reportId)) {
            HttpResponse<String> response = ok(send("GET", path, aToken, null, null));
            state.put(path, "ETag " + etag(response));
        }
        state.put("plan P1", json.readTree(send("GET", "/api/plans/" + planId, aToken, null, null).body()).toString());
        for (String path : List.of("/api/plans/" + planId + "/history", "/api/activities?planId=" + planId,
                "/api/activities?planId=" + privatePlanId, "/api/activities/" + activityId + "/history",
                "/api/reports/plans/" + planId + "/status-reports", "/api/reports/status-reports/" + reportId + "/history")) {
            state.put(path, "count " + json.readTree(ok(send("GET", path, aToken, null, null)).body()).size());
        }
        for (String path : List.of("/api/associations/" + A, "/api/associations/" + A + "/members",
                "/api/reports/plans/" + planId + "/cadences", "/api/notifications/people",
                "/api/notifications/preferences", "/api/notifications/digest-settings", "/api/plans/retention",
                "/api/activities/settings")) {
            state.put(path, ok(send("GET", path, aToken, null, null)).body());
        }
        HttpResponse<String> report = ok(send("GET", "/api/reports/status-reports/" + reportId, aToken, null, null));
        JsonNode view = json.readTree(report.body());
        state.put("report", view.get("status").asText() + " " + view.get("title").asText() + " " + view.get("version").asText());
        state.put("feed", String.valueOf(send("GET", calendarPath, null, null, null).statusCode()));
        return state;
    }

    // Setup helpers

    private static void addItem(String collection, String variable, Map<String, Object> body) throws Exception {
        HttpResponse<String> added = ok(send("POST", "/api/plans/" + planId + "/" + collection, aToken, planEtag, body));
        planEtag = etag(added);
        String location = added.headers().firstValue("Location").orElseThrow();
        FILL.put(variable, location.substring(location.lastIndexOf('/') + 1));
    }

    /** A token of another association's communicator, e.g. the partner's. */
    private static String planToken(String association) {
        return stack.tokens().issue("iso-" + association, association, List.of("communicator"), Duration.ofMinutes(30));
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.uri()));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isBetween(200, 299);
        return response;
    }

    private static HttpResponse<String> send(String method, String path, String token, String ifMatch, Object body) throws Exception {
        return send(method, path, token, ifMatch, body == null ? null : "application/json",
                body == null ? null : json.writeValueAsString(body), Map.of());
    }

    /** One request through the gateway; a 429 is waited out and repeated, never taken for an answer. */
    private static HttpResponse<String> send(String method, String path, String token, String ifMatch, String contentType,
                                             String body, Map<String, String> headers) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt >= 20) {
                return response;
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    /** The live stream of a caller, read in the background. */
    private static final class StreamReader implements AutoCloseable {
        final int status;
        private final InputStream body;
        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<Void> reading;

        private StreamReader(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.body = response.body();
            this.reading = CompletableFuture.runAsync(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = body.read(buffer)) >= 0; ) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            });
        }

        static StreamReader open(String token) throws Exception {
            return new StreamReader(http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/reports/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }

        String received() {
            return text.toString();
        }

        @Override
        public void close() throws Exception {
            body.close();
            try {
                reading.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
                // the reader ends with the stream
            }
        }
    }
}
