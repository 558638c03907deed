package se.samplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import se.samplan.testkit.TestIdentity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every kind of plan work, on the real service: each allowed action succeeds,
 * each denied one is a 403 problem naming the roles that may, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanRolesTest {

    private static final String ASSOCIATION = "roles-plan";
    private static final List<String> ROLES = List.of("association-admin", "plan-owner", "communicator", "contributor", "reader");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> CONTENT = Set.of("association-admin", "plan-owner", "communicator", "contributor");
    private static final Set<String> PLAN = Set.of("association-admin", "plan-owner", "communicator");
    private static final Set<String> ADMIN = Set.of("association-admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    /** A fresh plan for one case: drafted by a communicator, with a milestone; optionally presented. */
    record Fixture(String planId, String etag, String milestoneId) { }

    enum Action {
        READ_PLAN(EVERYONE, false, (t, f, role) -> t.get("/api/plans/" + f.planId(), role)),
        READ_HISTORY(EVERYONE, false, (t, f, role) -> t.get("/api/plans/" + f.planId() + "/history", role)),
        READ_RETENTION(EVERYONE, false, (t, f, role) -> t.get("/api/plans/retention", role)),
        DRAFT_PLAN(PLAN, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans", role, null,
                Map.of("title", "Ny plan"))),
        IMPORT_PLAN_DRY_RUN(PLAN, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/imports?dryRun=true", role,
                null, Map.of("title", "Importerad plan"))),
        ADD_GOAL(CONTENT, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/" + f.planId() + "/goals", role,
                f.etag(), Map.of("text", "Skapa kännedom"))),
        WRITE_SECTION(CONTENT, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/" + f.planId() + "/sections/PURPOSE",
                role, f.etag(), Map.of("text", "Syftet"))),
        ADD_RISK(CONTENT, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/" + f.planId() + "/risks", role,
                f.etag(), Map.of("description", "Låg räckvidd", "likelihood", 2, "impact", 3))),
        MOVE_MILESTONE_FORECAST(CONTENT, false, (t, f, role) -> t.send(HttpMethod.PUT,
                "/api/plans/" + f.planId() + "/milestones/" + f.milestoneId() + "/forecast", role, f.etag(),
                Map.of("date", "2026-10-01", "reason", "Leverantören är sen"))),
        RETITLE(PLAN, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/" + f.planId() + "/title", role, f.etag(),
                Map.of("title", "Ny titel"))),
        CHANGE_PERIOD(PLAN, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/" + f.planId() + "/period", role,
                f.etag(), Map.of("periodStart", "2026-01-01", "periodEnd", "2027-06-30"))),
        CHANGE_OWNER(PLAN, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/" + f.planId() + "/owner", role,
                f.etag(), Map.of("ownerId", "someone-else"))),
        SHARE_WITH_PARTNER(PLAN, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/" + f.planId() + "/partners/roles-partner",
                role, f.etag(), Map.of("access", "READ"))),
        PRESENT(PLAN, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/" + f.planId() + "/presentation", role,
                f.etag(), Map.of("presentedOn", "2026-02-01", "presentedTo", "Styrelsen"))),
        DECIDE(PLAN, true, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/" + f.planId() + "/decision", role,
                f.etag(), Map.of("decidedOn", "2026-02-15", "decidedBy", "Styrelsen"))),
        CLOSE(PLAN, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/" + f.planId() + "/closing", role,
                f.etag(), Map.of("closedOn", "2026-12-31", "reason", "Klar"))),
        SET_RETENTION(ADMIN, false, (t, f, role) -> t.send(HttpMethod.PUT, "/api/plans/retention", role, null,
                Map.of("keepClosedDays", 3650))),
        RUN_RETENTION_DRY(ADMIN, false, (t, f, role) -> t.send(HttpMethod.POST, "/api/plans/retention/runs?dryRun=true",
                role, null, null));

        final Set<String> allowed;
        final boolean presented;
        final Call call;

        Action(Set<String> allowed, boolean presented, Call call) {
            this.allowed = allowed;
            this.presented = presented;
            this.call = call;
        }

        boolean writes() {
            return allowed != EVERYONE;
        }
    }

    interface Call {
        ResponseEntity<JsonNode> run(PlanRolesTest test, Fixture fixture, String role);
    }

    static Stream<Arguments> everyRoleAndAction() {
        return ROLES.stream().flatMap(role -> Arrays.stream(Action.values()).map(action -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void eachRoleMayDoWhatItsRuleAllowsAndNothingElse(String role, Action action) {
        Fixture fixture = fixture(action.presented);

        ResponseEntity<JsonNode> response = action.call.run(this, fixture, role);

        if (action.allowed.contains(role)) {
            assertThat(response.getStatusCode().is2xxSuccessful()).as("%s may %s: %s", role, action, response).isTrue();
        } else {
            assertThat(response.getStatusCode()).as("%s may not %s", role, action).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(textList(response.getBody().get("requiredRoles"))).containsExactlyInAnyOrderElementsOf(action.allowed);
            assertThat(response.getBody().get("detail").asText()).contains(action.allowed.iterator().next());
            assertThat(get("/api/plans/" + fixture.planId(), "communicator").getHeaders().getETag())
                    .as("a refused change changes nothing").isEqualTo(fixture.etag());
        }
    }

    @Test
    void aCallerWithoutAnyRoleReadsButChangesNothing() {
        Fixture fixture = fixture(false);
        assertThat(get("/api/plans/" + fixture.planId(), "").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.POST, "/api/plans/" + fixture.planId() + "/goals", "", fixture.etag(),
                Map.of("text", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, "/api/plans", "", null, Map.of("title", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aContributingPartnerChangesContentWithAWritingRoleButNeverTheOwnersDecisions() {
        Fixture fixture = fixture(false);
        String etag = send(HttpMethod.PUT, "/api/plans/" + fixture.planId() + "/partners/roles-contrib", "communicator",
                fixture.etag(), Map.of("access", "CONTRIBUTE")).getHeaders().getETag();
        etag = send(HttpMethod.PUT, "/api/plans/" + fixture.planId() + "/partners/roles-reads", "communicator",
                etag, Map.of("access", "READ")).getHeaders().getETag();

        ResponseEntity<JsonNode> added = partner("roles-contrib", "contributor", HttpMethod.POST,
                "/api/plans/" + fixture.planId() + "/goals", etag, Map.of("text", "Partnerns mål"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        etag = added.getHeaders().getETag();

        // The partner's reader: the partnership allows it, the role does not.
        ResponseEntity<JsonNode> reader = partner("roles-contrib", "reader", HttpMethod.POST,
                "/api/plans/" + fixture.planId() + "/goals", etag, Map.of("text", "x"));
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(textList(reader.getBody().get("requiredRoles"))).contains("contributor");

        // Lifecycle, title, partners: the owning association's decisions, whatever the partner's role.
        for (String path : List.of("/presentation", "/title", "/partners/roles-contrib")) {
            HttpMethod method = path.equals("/presentation") ? HttpMethod.POST : HttpMethod.PUT;
            Map<String, Object> body = switch (path) {
                case "/presentation" -> Map.of("presentedOn", "2026-02-01");
                case "/title" -> Map.of("title", "Partnerns titel");
                default -> Map.of("access", "CONTRIBUTE");
            };
            assertThat(partner("roles-contrib", "association-admin", method, "/api/plans/" + fixture.planId() + path, etag, body)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }

        // A read-only partner reads, with any role, and changes nothing.
        assertThat(partner("roles-reads", "reader", HttpMethod.GET, "/api/plans/" + fixture.planId(), null, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(partner("roles-reads", "association-admin", HttpMethod.POST, "/api/plans/" + fixture.planId() + "/goals",
                etag, Map.of("text", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // An association it is not shared with: not there at all, whatever its roles.
        assertThat(partner("roles-stranger", "association-admin", HttpMethod.POST, "/api/plans/" + fixture.planId() + "/goals",
                etag, Map.of("text", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/plans/" + fixture.planId(), "communicator").getHeaders().getETag()).isEqualTo(etag);
    }

    private Fixture fixture(boolean presented) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/plans", "communicator", null,
                Map.of("title", "Plan " + UUID.randomUUID(), "periodStart", "2026-01-01", "periodEnd", "2026-12-31"));
        String planId = created.getBody().get("planId").asText();
        ResponseEntity<JsonNode> milestone = send(HttpMethod.POST, "/api/plans/" + planId + "/milestones", "communicator",
                created.getHeaders().getETag(), Map.of("name", "Webben lanseras", "targetDate", "2026-09-01", "status", "G"));
        String etag = milestone.getHeaders().getETag();
        String milestoneId = milestone.getBody().get("milestones").get(0).get("milestoneId").asText();
        if (presented) {
            etag = send(HttpMethod.POST, "/api/plans/" + planId + "/presentation", "communicator", etag,
                    Map.of("presentedOn", "2026-02-01")).getHeaders().getETag();
        }
        return new Fixture(planId, etag, milestoneId);
    }

    ResponseEntity<JsonNode> get(String path, String roles) {
        return send(HttpMethod.GET, path, roles, null, null);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String roles, String etag, Object body) {
        return exchange(ASSOCIATION, roles, method, path, etag, body);
    }

    private ResponseEntity<JsonNode> partner(String association, String roles, HttpMethod method, String path, String etag,
                                             Object body) {
        return exchange(association, roles, method, path, etag, body);
    }

    private ResponseEntity<JsonNode> exchange(String association, String roles, HttpMethod method, String path, String etag,
                                              Object body) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(association, "person-" + (roles.isEmpty() ? "none" : roles), roles).forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (etag != null) {
            headers.setIfMatch(etag);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> textList(JsonNode array) {
        return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
