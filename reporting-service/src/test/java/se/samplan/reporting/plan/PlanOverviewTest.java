package se.samplan.reporting.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.plan.PlanCreated;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/** Events on real Kafka topics become the plan overview, each association seeing only its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanOverviewTest {

    static ReportingTestSupport.Topics topics;

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

    @Test
    void anUnreadableRecordIsKeptAsRejectedAndTheIntakeGoesOn() throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", TestKafka.get().bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class));
             EventProducer events = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topics.plans(), "plan-x",
                    "not an event".getBytes())).get();
            events.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-x", "sco", "Efter skräpet", null, null,
                    "person-1"), "plan-x", 0, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.exchange("/api/reports/plans/plan-x", HttpMethod.GET, as("sco", "person-1"), JsonNode.class)
                        .getStatusCode()).isEqualTo(HttpStatus.OK));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rejected_event WHERE topic = ? AND record_key = 'plan-x'",
                Integer.class, topics.plans())).isEqualTo(1);
    }

    @Test
    void plansAndTheirActivitiesArriveFromKafkaPerAssociation() {
        Instant now = Instant.now();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.activities(), EventProducer.envelope(
                    EventProducer.activity("act-1", "sco", "plan-1", "Gemensam föreläsning", null), "act-1", 0, now));
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-1", "sco",
                    "Statusrapport kommunikation", LocalDate.of(2021, 1, 1), null, "person-1"), "plan-1", 0, now));
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-2", "vkl",
                    "Barn och unga i fokus", null, null, "person-2"), "plan-2", 0, now));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode plans = http.exchange("/api/reports/plans", HttpMethod.GET, as("sco", "person-1"), JsonNode.class).getBody();
            assertThat(plans).hasSize(1);
            assertThat(plans.get(0).get("planId").asText()).isEqualTo("plan-1");
            assertThat(plans.get(0).get("activities").asInt()).isEqualTo(1);
            assertThat(plans.get(0).get("periodStart").asText()).isEqualTo("2021-01-01");
        });
        JsonNode vkl = http.exchange("/api/reports/plans", HttpMethod.GET, as("vkl", "person-2"), JsonNode.class).getBody();
        assertThat(vkl).extracting(plan -> plan.get("planId").asText()).containsExactly("plan-2");

        ResponseEntity<JsonNode> foreign = http.exchange("/api/reports/plans/plan-1", HttpMethod.GET, as("vkl", "person-2"),
                JsonNode.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
