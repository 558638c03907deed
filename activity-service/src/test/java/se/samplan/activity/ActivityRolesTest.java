package se.samplan.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanCreated;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestIdentity;
import se.samplan.testkit.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every role against every kind of activity work, on the real service: each allowed action
 * succeeds, each denied one is a 403 problem naming the roles that may and changes nothing. And
 * partner associations: READ reads the shared plan's activities, CONTRIBUTE works on them too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityRolesTest {

    private static final String ASSOCIATION = "roles-activity";
    private static final List<String> ROLES = List.of("association-admin", "plan-owner", "communicator", "contributor", "reader");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> WORK = Set.of("association-admin", "plan-owner", "communicator", "contributor");
    private static final Set<String> ADMIN = Set.of("association-admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ActivityServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    PlanReferences plans;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Value("${samplan.plans.topic}")
    String plansTopic;

    String planId;
    int planSequence;

    /** An activity scheduled by a communicator for one case, on the test's plan. */
    record Fixture(String activityId, String occurrenceId, String etag) { }

    enum Action {
        READ_ACTIVITY(EVERYONE, (t, f, role) -> t.send(HttpMethod.GET, "/api/activities/" + f.activityId(), role, null, null)),
        READ_HISTORY(EVERYONE, (t, f, role) -> t.send(HttpMethod.GET, "/api/activities/" + f.activityId() + "/history", role,
                null, null)),
        LIST_PLAN(EVERYONE, (t, f, role) -> t.send(HttpMethod.GET, "/api/activities?planId=" + t.planId, role, null, null)),
        READ_SETTINGS(EVERYONE, (t, f, role) -> t.send(HttpMethod.GET, "/api/activities/settings", role, null, null)),
        SCHEDULE(WORK, (t, f, role) -> t.send(HttpMethod.POST, "/api/activities", role, null, t.newActivity("Nyhetsbrev"))),
        IMPORT_DRY_RUN(WORK, (t, f, role) -> t.importCsv(role)),
        CHANGE_DETAILS(WORK, (t, f, role) -> t.send(HttpMethod.PUT, "/api/activities/" + f.activityId() + "/details", role,
                f.etag(), Map.of("title", "Nytt namn", "budgetSek", 5000))),
        RESCHEDULE(WORK, (t, f, role) -> t.send(HttpMethod.PUT, "/api/activities/" + f.activityId() + "/schedule", role,
                f.etag(), Map.of("kind", "DATE", "date", "2031-06-15"))),
        START(WORK, (t, f, role) -> t.send(HttpMethod.POST, t.occurrence(f, "start"), role, f.etag(), null)),
        COMPLETE(WORK, (t, f, role) -> t.send(HttpMethod.POST, t.occurrence(f, "completion"), role, f.etag(),
                Map.of("doneOn", "2031-05-20", "outcome", "Skickat", "costSek", 1200))),
        POSTPONE(WORK, (t, f, role) -> t.send(HttpMethod.POST, t.occurrence(f, "postponement"), role, f.etag(),
                Map.of("newDate", "2031-07-01", "reason", "Semester"))),
        CANCEL(WORK, (t, f, role) -> t.send(HttpMethod.POST, t.occurrence(f, "cancellation"), role, f.etag(),
                Map.of("reason", "Utgår"))),
        SET_SETTINGS(ADMIN, (t, f, role) -> t.send(HttpMethod.PUT, "/api/activities/settings", role, null,
                Map.of("dueSoonLeadDays", 5)));

        final Set<String> allowed;
        final Call call;

        Action(Set<String> allowed, Call call) {
            this.allowed = allowed;
            this.call = call;
        }
    }

    interface Call {
        ResponseEntity<JsonNode> run(ActivityRolesTest test, Fixture fixture, String role);
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ROLES.stream().flatMap(role -> Arrays.stream(Action.values()).map(action -> Arguments.of(role, action)));
    }

    @BeforeEach
    void plan() {
        planId = "plan-" + UUID.randomUUID();
        planSequence = 0;
        publish(new PlanCreated(planId, ASSOCIATION, "Kommunikationsplan", LocalDate.of(2031, 1, 1),
                LocalDate.of(2031, 12, 31), "owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.plan(planId).isPresent());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void eachRoleMayDoWhatItsRuleAllowsAndNothingElse(String role, Action action) {
        Fixture fixture = fixture();
        long eventsBefore = storedEvents();

        ResponseEntity<JsonNode> response = action.call.run(this, fixture, role);

        if (action.allowed.contains(role)) {
            assertThat(response.getStatusCode().is2xxSuccessful()).as("%s may %s: %s", role, action, response).isTrue();
        } else {
            assertThat(response.getStatusCode()).as("%s may not %s", role, action).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(texts(response.getBody().get("requiredRoles"))).containsExactlyInAnyOrderElementsOf(action.allowed);
            assertThat(response.getBody().get("detail").asText()).contains(action.allowed.iterator().next());
            assertThat(send(HttpMethod.GET, "/api/activities/" + fixture.activityId(), "communicator", null, null)
                    .getHeaders().getETag()).as("a refused change changes nothing").isEqualTo(fixture.etag());
            assertThat(storedEvents()).as("a refused schedule or import stores nothing").isEqualTo(eventsBefore);
        }
    }

    @Test
    void aReadPartnerReadsTheSharedPlansActivitiesAndAContributingPartnerWorksOnThem() {
        Fixture fixture = fixture();
        publish(new PartnerAssociationAdded(planId, ASSOCIATION, "partner-reads", PartnerAccess.READ));
        publish(new PartnerAssociationAdded(planId, ASSOCIATION, "partner-works", PartnerAccess.CONTRIBUTE));
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.partnerAccess(planId, "partner-works").isPresent());

        // READ: the activity, its history and the plan's list; no change, whatever the role.
        assertThat(as("partner-reads", "reader", HttpMethod.GET, "/api/activities/" + fixture.activityId(), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("partner-reads", "reader", HttpMethod.GET, "/api/activities/" + fixture.activityId() + "/history",
                null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                as("partner-reads", "reader", HttpMethod.GET, "/api/activities?planId=" + planId, null, null).getBody())
                .extracting(a -> a.get("activityId").asText()).containsExactly(fixture.activityId()));
        assertThat(as("partner-reads", "association-admin", HttpMethod.POST, occurrence(fixture, "start"), fixture.etag(), null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("partner-reads", "association-admin", HttpMethod.POST, "/api/activities", null, newActivity("x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // CONTRIBUTE: with a role that works, it schedules (for the owning association) and completes.
        ResponseEntity<JsonNode> scheduled = as("partner-works", "contributor", HttpMethod.POST, "/api/activities", null,
                newActivity("Partnerns seminarium"));
        assertThat(scheduled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(scheduled.getBody().get("associationId").asText()).isEqualTo(ASSOCIATION);
        assertThat(as("partner-works", "contributor", HttpMethod.POST, occurrence(fixture, "start"), fixture.etag(), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // ... but its reader may not.
        ResponseEntity<JsonNode> partnerReader = as("partner-works", "reader", HttpMethod.POST, "/api/activities", null,
                newActivity("x"));
        assertThat(partnerReader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(texts(partnerReader.getBody().get("requiredRoles"))).contains("contributor");
        // The owner sees the partner's activity as its own.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                send(HttpMethod.GET, "/api/activities?planId=" + planId, "reader", null, null).getBody()).hasSize(2));

        // An association the plan is not shared with: nothing there, whatever its roles.
        assertThat(as("stranger", "association-admin", HttpMethod.GET, "/api/activities/" + fixture.activityId(), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("stranger", "association-admin", HttpMethod.GET, "/api/activities?planId=" + planId, null, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("stranger", "association-admin", HttpMethod.POST, "/api/activities", null, newActivity("x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Unshared: the partner is a stranger again.
        publish(new PartnerAssociationRemoved(planId, ASSOCIATION, "partner-works"));
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.partnerAccess(planId, "partner-works").isEmpty());
        assertThat(as("partner-works", "contributor", HttpMethod.GET, "/api/activities/" + fixture.activityId(), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anActivityNamingAnotherAssociationsPlanBeforeThisServiceKnowsItLearnsNothingOfThatPlan() {
        // An intruder names a plan id this service has not heard of yet, anchored to a milestone of it.
        String foreignPlan = "plan-" + UUID.randomUUID();
        ResponseEntity<JsonNode> intruding = as("intruder", "communicator", HttpMethod.POST, "/api/activities", null,
                Map.of("planId", foreignPlan, "title", "Inkräktarens aktivitet",
                        "schedule", Map.of("kind", "MILESTONE", "milestoneId", "launch", "offsetDays", 0)));
        assertThat(intruding.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String intruderActivity = intruding.getBody().get("activityId").asText();

        // Then the plan turns out to be roles-activity's, with a dated milestone and a period.
        String previous = planId;
        int previousSequence = planSequence;
        planId = foreignPlan;
        planSequence = 0;
        publish(new PlanCreated(foreignPlan, ASSOCIATION, "Hemlig plan", LocalDate.of(2032, 1, 1), LocalDate.of(2032, 12, 31), "owner"));
        publish(new se.samplan.events.plan.MilestoneAdded(foreignPlan, ASSOCIATION, "launch", "Hemlig lansering",
                LocalDate.of(2032, 9, 9), null, se.samplan.events.plan.Rating.G));
        planId = previous;
        planSequence = previousSequence;
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.milestoneDate(foreignPlan, "launch").isPresent());
        ResponseEntity<JsonNode> ownerSchedules = send(HttpMethod.POST, "/api/activities", "communicator", null,
                Map.of("planId", foreignPlan, "title", "Ägarens aktivitet",
                        "schedule", Map.of("kind", "MILESTONE", "milestoneId", "launch", "offsetDays", 0)));
        assertThat(ownerSchedules.getBody().get("occurrences").get(0).get("dueDate").asText())
                .as("the owner's own activity follows the milestone").isEqualTo("2032-09-09");

        // The intruder's activity neither follows the milestone nor hears of the plan's period or dates.
        ResponseEntity<JsonNode> read = as("intruder", "reader", HttpMethod.GET, "/api/activities/" + intruderActivity, null, null);
        assertThat(read.getBody().toString()).doesNotContain("2032-09-09").doesNotContain("2032-12-31").doesNotContain("Hemlig");
        ResponseEntity<JsonNode> moved = as("intruder", "communicator", HttpMethod.PUT, "/api/activities/" + intruderActivity
                + "/schedule", read.getHeaders().getETag(), Map.of("kind", "MILESTONE", "milestoneId", "launch", "offsetDays", 0));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().toString()).doesNotContain("2032-09-09");
        // The owner's list of its plan holds its own activity only; the intruder cannot list the plan any more.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                send(HttpMethod.GET, "/api/activities?planId=" + foreignPlan, "reader", null, null).getBody())
                .extracting(a -> a.get("title").asText()).containsExactly("Ägarens aktivitet"));
        assertThat(as("intruder", "reader", HttpMethod.GET, "/api/activities?planId=" + foreignPlan, null, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Fixture fixture() {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/activities", "communicator", null,
                newActivity("Utskick " + UUID.randomUUID()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Fixture(created.getBody().get("activityId").asText(),
                created.getBody().get("occurrences").get(0).get("occurrenceId").asText(), created.getHeaders().getETag());
    }

    Map<String, Object> newActivity(String title) {
        return Map.of("planId", planId, "title", title, "kind", "COMMUNICATION_OCCASION",
                "schedule", Map.of("kind", "DATE", "date", "2031-05-15"));
    }

    String occurrence(Fixture fixture, String transition) {
        return "/api/activities/" + fixture.activityId() + "/occurrences/" + fixture.occurrenceId() + "/" + transition;
    }

    ResponseEntity<JsonNode> importCsv(String role) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(ASSOCIATION, "person-" + role, role).forEach(headers::set);
        headers.setContentType(MediaType.valueOf("text/csv"));
        return http.exchange("/api/activities/imports?dryRun=true&planId=" + planId, HttpMethod.POST,
                new HttpEntity<>("title;when\nNyhetsbrev;2031-05\n".getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String role, String etag, Object body) {
        return as(ASSOCIATION, role, method, path, etag, body);
    }

    private ResponseEntity<JsonNode> as(String association, String role, HttpMethod method, String path, String etag,
                                        Object body) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(association, "person-" + role, role).forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (etag != null) {
            headers.setIfMatch(etag);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void publish(se.samplan.events.plan.PlanEvent event) {
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(plansTopic, EventProducer.envelope(event, planId, planSequence++, Instant.now()));
        }
    }

    private long storedEvents() {
        // Reminders are left out: the 1 s reminder sweep stores them for other tests' activities at any moment.
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%.ActivityDueSoon'"
                + " AND payload_type NOT LIKE '%.ActivityOverdue'", Long.class);
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
