package se.samplan.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/**
 * Every role against every kind of report work, on the real service: everyone of the association
 * reads; the writing roles open, edit and submit reports and keep cadences; a reader is refused
 * with a 403 naming the roles that may, and nothing changes. A partner association reads the
 * shared plan's reports and writes none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportRolesTest {

    private static final String ASSOCIATION = "roles-report";
    private static final String PLAN = "plan-roles-" + UUID.randomUUID();
    private static final List<String> ROLES = List.of("association-admin", "plan-owner", "communicator", "contributor", "reader");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> WRITERS = Set.of("association-admin", "plan-owner", "communicator", "contributor");
    private static final AtomicInteger MONTHS = new AtomicInteger();

    static ReportingTestSupport.Topics topics;
    private static boolean published;

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

    /** A draft and a cadence of one case, made by a communicator. */
    record Fixture(String reportId, String etag, JsonNode content, String cadenceId) { }

    enum Action {
        LIST_PLANS(EVERYONE, (t, f, r) -> t.get("/api/reports/plans", r)),
        READ_PLAN(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN, r)),
        STATUS(EVERYONE, (t, f, r) -> t.get("/api/reports/status", r)),
        PORTFOLIO(EVERYONE, (t, f, r) -> t.get("/api/reports/portfolio", r)),
        MILESTONES(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN + "/milestones", r)),
        STATISTICS(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN + "/statistics?from=2021-01&to=2021-12", r)),
        LIST_REPORTS(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN + "/status-reports", r)),
        READ_REPORT(EVERYONE, (t, f, r) -> t.get("/api/reports/status-reports/" + f.reportId(), r)),
        REPORT_HISTORY(EVERYONE, (t, f, r) -> t.get("/api/reports/status-reports/" + f.reportId() + "/history", r)),
        LIST_CADENCES(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN + "/cadences", r)),
        DUE_REPORTS(EVERYONE, (t, f, r) -> t.get("/api/reports/plans/" + PLAN + "/due-reports", r)),
        OPEN_REPORT(WRITERS, (t, f, r) -> t.send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/status-reports", r, null,
                Map.of("period", t.nextMonth()))),
        EDIT_REPORT(WRITERS, (t, f, r) -> t.send(HttpMethod.PUT, "/api/reports/status-reports/" + f.reportId(), r, f.etag(),
                Map.of("title", "Ändrad titel", "content", f.content()))),
        SUBMIT_REPORT(WRITERS, (t, f, r) -> t.send(HttpMethod.POST, "/api/reports/status-reports/" + f.reportId() + "/submission",
                r, f.etag(), null)),
        ADD_CADENCE(WRITERS, (t, f, r) -> t.send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/cadences", r, null,
                Map.of("recipient", "Styrelsen " + UUID.randomUUID(), "frequency", "QUARTERLY",
                        "startsOn", "2021-01-01", "endsOn", "2021-12-31"))),
        REMOVE_CADENCE(WRITERS, (t, f, r) -> t.send(HttpMethod.DELETE, "/api/reports/plans/" + PLAN + "/cadences/" + f.cadenceId(),
                r, null, null)),
        // Platform administration: none of an association's roles.
        REBUILD(Set.of(), (t, f, r) -> t.send(HttpMethod.POST, "/api/reports/admin/rebuild", r, null, null));

        final Set<String> allowed;
        final Call call;

        Action(Set<String> allowed, Call call) {
            this.allowed = allowed;
            this.call = call;
        }
    }

    interface Call {
        ResponseEntity<JsonNode> run(ReportRolesTest test, Fixture fixture, String role);
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ROLES.stream().flatMap(role -> Arrays.stream(Action.values()).map(action -> Arguments.of(role, action)));
    }

    @BeforeEach
    void plan() {
        if (!published) {
            published = true;
            try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
                producer.send(topics.plans(), EventProducer.envelope(new PlanCreated(PLAN, ASSOCIATION, "Rollplanen",
                        LocalDate.of(2001, 1, 1), LocalDate.of(2099, 12, 31), "owner"), PLAN, 0, Instant.now()));
                producer.send(topics.plans(), EventProducer.envelope(new PartnerAssociationAdded(PLAN, ASSOCIATION,
                        "roles-partner", PartnerAccess.CONTRIBUTE), PLAN, 1, Instant.now()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM plan_partner WHERE plan_id = ?", Integer.class, PLAN) == 1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void eachRoleMayDoWhatItsRuleAllowsAndNothingElse(String role, Action action) {
        Fixture fixture = fixture();
        String before = state();

        ResponseEntity<JsonNode> response = action.call.run(this, fixture, role);

        if (action.allowed.contains(role)) {
            assertThat(response.getStatusCode().is2xxSuccessful()).as("%s may %s: %s", role, action, response).isTrue();
        } else {
            assertThat(response.getStatusCode()).as("%s may not %s", role, action).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            if (action == Action.REBUILD) {
                assertThat(response.getBody().get("detail").asText()).contains("platform admin");
            } else {
                assertThat(response.getBody().get("detail").asText()).contains("contributor");
                assertThat(response.getBody().get("requiredRoles")).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrderElementsOf(WRITERS);
            }
            assertThat(state()).as("a refused change changes nothing").isEqualTo(before);
        }
    }

    @Test
    void aPartnerReadsTheSharedPlansReportsButWritesNoneWhateverItsRole() {
        Fixture fixture = fixture();
        String before = state();
        for (String path : List.of("/api/reports/plans/" + PLAN + "/status-reports", "/api/reports/status-reports/" + fixture.reportId(),
                "/api/reports/plans/" + PLAN + "/cadences", "/api/reports/plans/" + PLAN + "/statistics?from=2021-01&to=2021-12")) {
            assertThat(http.exchange(path, HttpMethod.GET, as("roles-partner", "p", "reader", null, null), JsonNode.class)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        // Reports are the owning association's: a partner, even a contributing one, writes none of them.
        assertThat(send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/status-reports", "association-admin", "roles-partner",
                null, Map.of("period", nextMonth())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.PUT, "/api/reports/status-reports/" + fixture.reportId(), "association-admin", "roles-partner",
                fixture.etag(), Map.of("content", fixture.content())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/reports/status-reports/" + fixture.reportId(), HttpMethod.GET,
                as("roles-stranger", "s", "association-admin", null, null), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherAssociationsActivityNamingThisPlanCountsNowhereInItsReports() {
        // activity-service takes a plan id it has not heard of on trust: an intruder's activity may name this plan.
        String intruderActivity = "act-intruder-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.activities(), EventProducer.envelope(EventProducer.activity(intruderActivity, "roles-intruder",
                    PLAN, "Inkräktarens aktivitet", LocalDate.of(2021, 6, 10)), intruderActivity, 0, Instant.now()));
            producer.send(topics.activities(), EventProducer.envelope(new ActivityOccurrenceCompleted(intruderActivity,
                    "roles-intruder", PLAN, "once", LocalDate.of(2021, 6, 10), "Inkräktat", new BigDecimal("999")),
                    intruderActivity, 1, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM activity_occurrence WHERE activity_id = ? AND status = 'DONE'", Integer.class, intruderActivity) == 1);

        JsonNode june = get("/api/reports/plans/" + PLAN + "/statistics?from=2021-06&to=2021-06", "reader").getBody().get(0);
        assertThat(june.get("planned").asInt()).isZero();
        assertThat(june.get("done").asInt()).isZero();
        assertThat(june.get("spentSek").decimalValue()).isZero();
        assertThat(http.exchange("/api/reports/plans/" + PLAN + "/activities.csv", HttpMethod.GET,
                as(ASSOCIATION, "r", "reader", null, null), String.class).getBody()).doesNotContain("Inkräktarens");
        JsonNode status = get("/api/reports/status", "reader").getBody();
        assertThat(status).filteredOn(p -> p.get("planId").asText().equals(PLAN))
                .allSatisfy(p -> assertThat(p.get("activities").asInt()).isZero());
        ResponseEntity<JsonNode> drafted = send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/status-reports", "communicator",
                null, Map.of("period", "2021-06"));
        assertThat(drafted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(drafted.getBody().get("content").toString()).doesNotContain("Inkräkt");
    }

    private Fixture fixture() {
        ResponseEntity<JsonNode> opened = send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/status-reports", "communicator",
                null, Map.of("period", nextMonth()));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> cadence = send(HttpMethod.POST, "/api/reports/plans/" + PLAN + "/cadences", "communicator", null,
                Map.of("recipient", "Finansiären " + UUID.randomUUID(), "frequency", "YEARLY",
                        "startsOn", "2021-01-01", "endsOn", "2021-12-31"));
        assertThat(cadence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Rated, so that it may be submitted.
        ObjectNode content = opened.getBody().get("content").deepCopy();
        content.get("parameters").forEach(p -> ((ObjectNode) p).put("rating", "G"));
        String reportId = opened.getBody().get("reportId").asText();
        ResponseEntity<JsonNode> rated = send(HttpMethod.PUT, "/api/reports/status-reports/" + reportId, "communicator",
                opened.getHeaders().getETag(), Map.of("content", content));
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Fixture(reportId, rated.getHeaders().getETag(), content, cadence.getBody().get("cadenceId").asText());
    }

    /** Every report (version, status, title) and cadence of the plan, and the report events: what a write would change. */
    private String state() {
        return jdbc.queryForList("SELECT report_id, version, status, title FROM status_report WHERE plan_id = ? ORDER BY report_id",
                PLAN) + " " + jdbc.queryForList("SELECT cadence_id FROM report_cadence WHERE plan_id = ? ORDER BY cadence_id", PLAN)
                + " " + jdbc.queryForObject("SELECT count(*) FROM report_event", Long.class);
    }

    /** A month no case has opened a report for yet. */
    String nextMonth() {
        return YearMonth.of(2001, 1).plusMonths(MONTHS.getAndIncrement()).toString();
    }

    ResponseEntity<JsonNode> get(String path, String role) {
        return send(HttpMethod.GET, path, role, null, null);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String role, String etag, Object body) {
        return send(method, path, role, ASSOCIATION, etag, body);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String role, String association, String etag,
                                          Object body) {
        return http.exchange(path, method, as(association, "person-" + role, role, etag, body), JsonNode.class);
    }
}
