package se.samplan.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samplan.activity.ActivityServiceTestSupport.as;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ActivityServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aScheduledActivityIsReadableByItsAssociationOnlyAndPublished() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/activities", as("vkl", "person-3",
                Map.of("planId", "plan-1", "title", "Nyhetsbrev", "dueDate", "2012-05-24")), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String activityId = created.getBody().get("activityId").asText();

        assertThat(http.exchange("/api/activities/" + activityId, HttpMethod.GET, as("vkl", "person-4", null),
                JsonNode.class).getBody().get("dueDate").asText()).isEqualTo("2012-05-24");
        assertThat(http.exchange("/api/activities/" + activityId, HttpMethod.GET, as("sco", "person-5", null),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            var records = reader.await(r -> activityId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            EventEnvelope envelope = EventJson.read(records.get(0).value());
            assertThat(envelope.type()).isEqualTo("ActivityScheduled");
            assertThat(envelope.aggregateType()).isEqualTo("Activity");
            assertThat(envelope.tenantId()).isEqualTo("vkl");
            assertThat(envelope.payload().get("planId").asText()).isEqualTo("plan-1");
        }
    }

    @Test
    void anUnparsableDateIsAProblemNamingTheField() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/activities", as("vkl", "person-3",
                Map.of("planId", "plan-1", "title", "Nyhetsbrev", "dueDate", "24 maj")), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("dueDate");
    }
}
