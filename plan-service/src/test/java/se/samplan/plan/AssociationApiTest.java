package se.samplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.events.association.MemberInvited;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samplan.plan.PlanServiceTestSupport.as;

/**
 * The association register and member directory on the real service (PostgreSQL, Kafka): who may
 * see and change what, the rules as 409s and bad input as 400s naming the field, the events on
 * Kafka without personal data, and the directory as the gateway's login asks it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssociationApiTest {

    private static final String PLATFORM = "platform";
    private static final String OPERATOR = "operator";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private String association;
    private String admin;
    /** A second member; ids are unique on the whole platform, so one per test. */
    private String per;

    /** A fresh association with its first admin, invited by a platform admin. */
    @BeforeEach
    void registerAnAssociationWithAnAdmin() {
        association = "forbund-" + UUID.randomUUID().toString().substring(0, 8);
        per = "per." + association;
        assertThat(register(association, "Samordningsförbundet Test").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> invited = send(HttpMethod.POST, "/api/associations/" + association + "/members",
                PLATFORM, OPERATOR, "platform-admin", null, Map.of("email", "lena." + association + "@example.se",
                        "name", "Lena Förbundschef", "roles", List.of("association-admin")));
        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        admin = invited.getBody().get("memberId").asText();
    }

    @Test
    void aPlatformAdminRegistersAnAssociationOnceAndNoOneElseMay() {
        ResponseEntity<JsonNode> read = send(HttpMethod.GET, "/api/associations/" + association, association, "someone",
                "reader", null, null);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("name").asText()).isEqualTo("Samordningsförbundet Test");
        assertThat(read.getBody().get("kind").asText()).isEqualTo("SAMORDNINGSFORBUND");
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");

        ResponseEntity<JsonNode> again = register(association, "Ett annat namn");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(field(again)).isEqualTo("associationId");

        ResponseEntity<JsonNode> byAnAdmin = send(HttpMethod.POST, "/api/associations", association, admin,
                "association-admin", null, Map.of("associationId", "egen-" + association.substring(8), "name", "Eget", "kind", "OTHER"));
        assertThat(byAnAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAnAdmin.getBody().get("requiredRoles")).hasToString("[\"platform-admin\"]");

        ResponseEntity<JsonNode> invalid = send(HttpMethod.POST, "/api/associations", PLATFORM, OPERATOR, "platform-admin",
                null, Map.of("associationId", "Inte En Slug", "name", "x"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("associationId", "kind");
        ResponseEntity<JsonNode> badKind = send(HttpMethod.POST, "/api/associations", PLATFORM, OPERATOR, "platform-admin",
                null, Map.of("associationId", "ny-" + association.substring(8), "name", "x", "kind", "KOMMUN"));
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(badKind)).isEqualTo("kind");
    }

    @Test
    void membersSeeTheirOwnDirectoryAndAnotherAssociationIsNotThere() {
        invite(per, "Per Kommunikatör", "per@" + association + ".se", List.of("communicator"), "en");

        ResponseEntity<JsonNode> members = send(HttpMethod.GET, "/api/associations/" + association + "/members",
                association, "per", "reader", null, null);
        assertThat(members.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(members.getBody()).extracting(m -> m.get("memberId").asText() + " " + m.get("name").asText() + " "
                        + m.get("email").asText() + " " + m.get("roles") + " " + m.get("status").asText())
                .containsExactly(admin + " Lena Förbundschef lena." + association + "@example.se [\"association-admin\"] INVITED",
                        per + " Per Kommunikatör per@" + association + ".se [\"communicator\"] INVITED");

        // Another association, whatever its roles, finds nothing: the directory, its members, every write.
        for (String path : List.of("", "/members")) {
            ResponseEntity<JsonNode> other = send(HttpMethod.GET, "/api/associations/" + association + path, "other-forbund",
                    "eve", "association-admin", null, null);
            assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(other.getBody().toString()).doesNotContain("Lena");
        }
        assertThat(send(HttpMethod.POST, "/api/associations/" + association + "/members", "other-forbund", "eve",
                "association-admin", null, Map.of("email", "eve@example.se", "name", "Eve", "roles", List.of("reader")))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.PUT, "/api/associations/" + association + "/members/" + per + "/roles", "other-forbund", "eve",
                "association-admin", "\"2\"", Map.of("roles", List.of("reader"))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.DELETE, "/api/associations/" + association + "/members/" + per, "other-forbund", "eve",
                "association-admin", "\"2\"", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.GET, "/api/associations/nobody-registered", "nobody-registered", "x", "association-admin",
                null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // A platform admin sees any association.
        assertThat(send(HttpMethod.GET, "/api/associations/" + association + "/members", PLATFORM, OPERATOR,
                "platform-admin", null, null).getBody()).hasSize(2);
    }

    @Test
    void onlyTheAssociationsAdminsChangeItsMembers() {
        invite(per, "Per", "per@" + association + ".se", List.of("communicator"), "sv");
        String etag = etag();
        for (String role : List.of("reader", "contributor", "communicator", "plan-owner")) {
            ResponseEntity<JsonNode> refused = send(HttpMethod.POST, "/api/associations/" + association + "/members",
                    association, "per", role, null, Map.of("email", "ny@example.se", "name", "Ny", "roles", List.of("reader")));
            assertThat(refused.getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("requiredRoles")).hasToString("[\"association-admin\",\"platform-admin\"]");
            assertThat(send(HttpMethod.PUT, "/api/associations/" + association + "/members/" + per + "/roles", association, "per",
                    role, etag, Map.of("roles", List.of("association-admin"))).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send(HttpMethod.DELETE, "/api/associations/" + association + "/members/" + admin, association, "per",
                    role, etag, null).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(etag()).isEqualTo(etag);
    }

    @Test
    void invitationsNameEveryBadFieldAndRefuseATakenAddress() {
        ResponseEntity<JsonNode> invalid = adminSends(HttpMethod.POST, "/members", null,
                Map.of("email", "inte-en-adress", "name", " ", "roles", List.of("reader"), "language", "de"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("email", "name", "language");

        ResponseEntity<JsonNode> unknownRole = adminSends(HttpMethod.POST, "/members", null,
                Map.of("email", "ny@" + association + ".se", "name", "Ny", "roles", List.of("reader", "platform-admin")));
        assertThat(unknownRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(unknownRole)).isEqualTo("roles");
        assertThat(unknownRole.getBody().get("detail").asText()).contains("platform-admin");

        ResponseEntity<JsonNode> taken = adminSends(HttpMethod.POST, "/members", null,
                Map.of("email", "LENA." + association.toUpperCase() + "@example.se", "name", "Lena igen", "roles", List.of("reader")));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(field(taken)).isEqualTo("email");
        ResponseEntity<JsonNode> sameId = adminSends(HttpMethod.POST, "/members", null,
                Map.of("email", "annan@" + association + ".se", "name", "Annan", "roles", List.of("reader"), "memberId", admin));
        assertThat(sameId.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(field(sameId)).isEqualTo("memberId");

        // None of the refused invitations left a member or an address behind.
        assertThat(members()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_contact WHERE association_id = ?", Integer.class,
                association)).isEqualTo(1);
    }

    @Test
    void rolesAreSetWithIfMatchAndTheLastAdminStays() {
        invite(per, "Per", "per@" + association + ".se", List.of("communicator"), "sv");
        String etag = etag();

        assertThat(adminSends(HttpMethod.PUT, "/members/" + per + "/roles", null, Map.of("roles", List.of("reader")))
                .getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        ResponseEntity<JsonNode> unknown = adminSends(HttpMethod.PUT, "/members/" + per + "/roles", etag, Map.of("roles", List.of("chef")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(field(unknown)).isEqualTo("roles");
        assertThat(adminSends(HttpMethod.PUT, "/members/nobody/roles", etag, Map.of("roles", List.of("reader")))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> assigned = adminSends(HttpMethod.PUT, "/members/" + per + "/roles", etag,
                Map.of("roles", List.of("reader", "plan-owner")));
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(assigned.getBody().get("roles")).hasToString("[\"plan-owner\",\"reader\"]");
        assertThat(adminSends(HttpMethod.PUT, "/members/" + per + "/roles", etag, Map.of("roles", List.of("reader")))
                .getStatusCode()).as("stale If-Match").isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> demoted = adminSends(HttpMethod.PUT, "/members/" + admin + "/roles", etag(),
                Map.of("roles", List.of("reader")));
        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(field(demoted)).isEqualTo("roles");
        assertThat(demoted.getBody().get("detail").asText()).contains("last association-admin");
        ResponseEntity<JsonNode> removed = adminSends(HttpMethod.DELETE, "/members/" + admin, etag(), null);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(field(removed)).isEqualTo("memberId");

        // With a second admin the first may step down.
        assertThat(adminSends(HttpMethod.PUT, "/members/" + per + "/roles", etag(), Map.of("roles", List.of("association-admin")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adminSends(HttpMethod.PUT, "/members/" + admin + "/roles", etag(), Map.of("roles", List.of("reader")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRemovedMembersNameAndAddressAreForgottenAndTheirLoginRefused() {
        invite(per, "Per Persson", "per@" + association + ".se", List.of("communicator"), "sv");
        ResponseEntity<JsonNode> removed = adminSends(HttpMethod.DELETE, "/members/" + per, etag(), null);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(members()).extracting(m -> m.get("memberId").asText()).containsExactly(admin);
        assertThat(jdbc.queryForMap("SELECT name, email, removed FROM member_contact WHERE member_id = ?", per))
                .containsEntry("name", null).containsEntry("email", null).containsEntry("removed", true);
        assertThat(adminSends(HttpMethod.DELETE, "/members/" + per, etag(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(login(per).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(login("per@" + association + ".se").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // The id may be invited again, here or elsewhere.
        invite(per, "Per Persson", "per.ny@" + association + ".se", List.of("reader"), "sv");
        assertThat(login(per).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theFirstLoginByAddressOrIdMakesAnInvitationActiveAndAnswersTheDirectorysRoles() {
        ResponseEntity<JsonNode> byAddress = login("Lena." + association + "@EXAMPLE.se");
        assertThat(byAddress.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAddress.getBody().get("memberId").asText()).isEqualTo(admin);
        assertThat(byAddress.getBody().get("associationId").asText()).isEqualTo(association);
        assertThat(byAddress.getBody().get("roles")).hasToString("[\"association-admin\"]");
        assertThat(members().get(0).get("status").asText()).isEqualTo("ACTIVE");
        String etag = etag();
        assertThat(login(admin).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(etag()).as("a later login changes nothing").isEqualTo(etag);

        assertThat(login("nobody@example.se").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Only the platform's own processes ask the directory this way.
        ResponseEntity<JsonNode> asAUser = http.exchange("/internal/logins", HttpMethod.POST,
                as(association, admin, "association-admin", Map.of("login", admin)), JsonNode.class);
        assertThat(asAUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> contact = http.exchange("/internal/associations/" + association + "/members/" + admin,
                HttpMethod.GET, as(association, "system:notification-service", "", null), JsonNode.class);
        assertThat(contact.getBody().get("email").asText()).isEqualTo("lena." + association + "@example.se");
        assertThat(contact.getBody().get("associationName").asText()).isEqualTo("Samordningsförbundet Test");
        assertThat(contact.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(http.exchange("/internal/associations/other/members/" + admin, HttpMethod.GET,
                as("other", "system:notification-service", "", null), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theEventsReachKafkaKeyedByAssociationWithoutNamesOrAddresses() {
        invite(per, "Per Persson", "per@" + association + ".se", List.of("communicator"), "en");
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.PLANS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> association.equals(r.key()), 3, Duration.ofSeconds(30));
            List<EventEnvelope> envelopes = records.stream().map(r -> EventJson.read(r.value())).toList();
            assertThat(envelopes).extracting(EventEnvelope::type)
                    .containsExactly("AssociationRegistered", "MemberInvited", "MemberInvited");
            assertThat(envelopes).allSatisfy(e -> {
                assertThat(e.aggregateType()).isEqualTo("Association");
                assertThat(e.tenantId()).isEqualTo(association);
            });
            assertThat(envelopes.get(1).actor()).isEqualTo(OPERATOR);
            assertThat(EventCatalog.standard().decode(envelopes.get(2)))
                    .contains(new MemberInvited(association, per, List.of("communicator"), "en"));
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(new String(record.value())).doesNotContain("Persson", "per@", "Lena", "lena.");
            }
        }
        // Nor does the event store hold them.
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, association)).hasSize(3).noneMatch(p -> p.contains("Persson") || p.contains("@"));
    }

    // Helpers

    private ResponseEntity<JsonNode> register(String id, String name) {
        return send(HttpMethod.POST, "/api/associations", PLATFORM, OPERATOR, "platform-admin", null,
                Map.of("associationId", id, "name", name, "kind", "SAMORDNINGSFORBUND"));
    }

    private void invite(String memberId, String name, String email, List<String> roles, String language) {
        ResponseEntity<JsonNode> invited = adminSends(HttpMethod.POST, "/members", null, Map.of("memberId", memberId,
                "name", name, "email", email, "roles", roles, "language", language));
        assertThat(invited.getStatusCode()).as(String.valueOf(invited.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(invited.getHeaders().getLocation()).hasPath("/api/associations/" + association + "/members/" + memberId);
    }

    private ResponseEntity<JsonNode> adminSends(HttpMethod method, String path, String ifMatch, Object body) {
        return send(method, "/api/associations/" + association + path, association, admin, "association-admin", ifMatch, body);
    }

    private JsonNode members() {
        return send(HttpMethod.GET, "/api/associations/" + association + "/members", association, admin,
                "association-admin", null, null).getBody();
    }

    private String etag() {
        return send(HttpMethod.GET, "/api/associations/" + association, association, admin, "association-admin", null, null)
                .getHeaders().getETag();
    }

    private ResponseEntity<JsonNode> login(String login) {
        return http.exchange("/internal/logins", HttpMethod.POST,
                as(PLATFORM, "system:gateway", "platform-admin", Map.of("login", login)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String tenant, String user, String roles,
                                          String ifMatch, Object body) {
        HttpEntity<Object> request = as(tenant, user, roles, body);
        if (ifMatch != null) {
            request.getHeaders();
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.putAll(request.getHeaders());
            headers.setIfMatch(ifMatch);
            request = new HttpEntity<>(body, headers);
        }
        return http.exchange(path, method, request, JsonNode.class);
    }

    private static String field(ResponseEntity<JsonNode> response) {
        return response.getBody().get("errors").get(0).get("field").asText();
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().get("errors").findValuesAsText("field");
    }
}
