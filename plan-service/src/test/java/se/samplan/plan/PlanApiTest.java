package se.samplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.events.plan.PlanCreated;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samplan.plan.PlanServiceTestSupport.as;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aCreatedPlanIsStoredReadableByItsAssociationAndPublishedOnceToKafka() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/plans", as("finsam-lo", "person-7",
                Map.of("title", "Kommunikationsplan Finsam Lekeberg och Örebro",
                        "periodStart", "2024-01-01", "periodEnd", "2024-12-31")), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        String planId = created.getBody().get("planId").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/plans/" + planId);

        ResponseEntity<JsonNode> read = http.exchange("/api/plans/" + planId, HttpMethod.GET,
                as("finsam-lo", "person-8", null), JsonNode.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("title").asText()).isEqualTo("Kommunikationsplan Finsam Lekeberg och Örebro");
        assertThat(read.getBody().get("status").asText()).isEqualTo("DRAFT");

        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.PLANS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> planId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            EventEnvelope envelope = EventJson.read(records.get(0).value());
            assertThat(envelope.type()).isEqualTo("PlanCreated");
            assertThat(envelope.revision()).isEqualTo(1);
            assertThat(envelope.tenantId()).isEqualTo("finsam-lo");
            assertThat(envelope.aggregateType()).isEqualTo("Plan");
            assertThat(envelope.aggregateId()).isEqualTo(planId);
            assertThat(envelope.sequence()).isZero();
            assertThat(envelope.actor()).isEqualTo("person-7");
            assertThat(EventCatalog.standard().decode(envelope)).contains(new PlanCreated(planId, "finsam-lo",
                    "Kommunikationsplan Finsam Lekeberg och Örebro", LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31), "person-7"));
            assertThat(reader.drain(Duration.ofSeconds(1))).filteredOn(r -> planId.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void anotherAssociationsPlanIsNotFound() {
        String planId = http.postForEntity("/api/plans", as("sco", "person-1", Map.of("title", "Statusrapport")),
                JsonNode.class).getBody().get("planId").asText();

        ResponseEntity<JsonNode> read = http.exchange("/api/plans/" + planId, HttpMethod.GET,
                as("vkl", "person-2", null), JsonNode.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ResponseEntity<JsonNode> blank = http.postForEntity("/api/plans", as("sco", "person-1", Map.of("title", "")),
                JsonNode.class);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(blank.getBody().get("errors").get(0).get("field").asText()).isEqualTo("title");

        ResponseEntity<JsonNode> badDate = http.postForEntity("/api/plans", as("sco", "person-1",
                Map.of("title", "Plan", "periodStart", "2024-13-01")), JsonNode.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody().get("errors").get(0).get("field").asText()).isEqualTo("periodStart");

        ResponseEntity<JsonNode> backwards = http.postForEntity("/api/plans", as("sco", "person-1",
                Map.of("title", "Plan", "periodStart", "2024-02-01", "periodEnd", "2024-01-01")), JsonNode.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().get("errors").get(0).get("field").asText()).isEqualTo("periodEnd");
    }

    @Test
    void aRequestWithoutAnIdentityIsUnauthorized() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/plans", Map.of("title", "Plan"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anIdentityTheGatewayDidNotSignIsRefused() {
        org.springframework.http.HttpHeaders unsigned = new org.springframework.http.HttpHeaders();
        unsigned.set("X-Samplan-Tenant", "sco");
        unsigned.set("X-Samplan-User", "mallory");
        assertThat(http.exchange("/api/plans", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("title", "x"), unsigned),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // A signature for another tenant, with the tenant header changed afterwards.
        org.springframework.http.HttpHeaders tampered = new org.springframework.http.HttpHeaders();
        se.samplan.testkit.TestIdentity.headers("vkl", "mallory", "").forEach(tampered::set);
        tampered.set("X-Samplan-Tenant", "sco");
        assertThat(http.exchange("/api/plans", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("title", "x"), tampered),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // A signature made with another secret.
        org.springframework.http.HttpHeaders forged = new org.springframework.http.HttpHeaders();
        se.samplan.testkit.TestIdentity.headers("sco", "mallory", "").forEach(forged::set);
        String signature = forged.getFirst("X-Samplan-Signature");
        forged.set("X-Samplan-Signature", signature.substring(0, signature.length() - 4) + "AAAA");
        assertThat(http.exchange("/api/plans", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("title", "x"), forged),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
