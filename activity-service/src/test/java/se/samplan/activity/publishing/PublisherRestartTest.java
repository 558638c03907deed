package se.samplan.activity.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;
import se.samplan.events.EventJson;
import se.samplan.activity.ActivityServiceTestSupport;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TopicReader;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samplan.activity.ActivityServiceTestSupport.client;
import static se.samplan.activity.ActivityServiceTestSupport.start;
import static se.samplan.activity.ActivityServiceTestSupport.as;

/**
 * The outbox guarantee: an event committed to the event store while Kafka is unreachable reaches
 * Kafka once a publisher runs again, even across a restart of the service.
 */
class PublisherRestartTest {

    @Test
    void anEventCommittedWhileKafkaIsDownIsPublishedAfterTheRestart() throws Exception {
        String database = TestPostgres.get().createDatabase("activity_restart");
        String topic = "samplan.activities.restart-" + UUID.randomUUID();
        String activityId;

        Map<String, Object> kafkaDown = ActivityServiceTestSupport.properties(database, "127.0.0.1:" + closedPort());
        kafkaDown.put("samplan.publishing.topic", topic);
        kafkaDown.put("samplan.plans.auto-startup", "false");
        kafkaDown.put("spring.kafka.producer.properties.max.block.ms", "1000");
        kafkaDown.put("spring.kafka.admin.operation-timeout", "1s");
        kafkaDown.put("spring.kafka.admin.properties.request.timeout.ms", "1000");
        kafkaDown.put("spring.kafka.admin.properties.default.api.timeout.ms", "1000");
        try (ConfigurableApplicationContext service = start(kafkaDown)) {
            RestTemplate http = client(service);
            ResponseEntity<JsonNode> created = http.postForEntity("/api/activities",
                    as("sco", "person-1", Map.of("planId", "plan-1", "title", "Nyhetsbrev", "schedule", Map.of("kind", "ONGOING"))), JsonNode.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            activityId = created.getBody().get("activityId").asText();

            // The publisher tries, fails and keeps its token where it was.
            Thread.sleep(3_000);
            assertThat(service.getBean(MeterRegistry.class).counter("samplan.events.published", "topic", topic).count())
                    .isZero();
        }

        Map<String, Object> kafkaUp = ActivityServiceTestSupport.properties(database, TestKafka.get().bootstrapServers());
        kafkaUp.put("samplan.plans.auto-startup", "false");
        kafkaUp.put("samplan.publishing.topic", topic);
        try (ConfigurableApplicationContext ignored = start(kafkaUp);
             TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), topic)) {
            String key = activityId;
            var records = reader.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(records).hasSize(1);
            assertThat(EventJson.read(records.get(0).value()).type()).isEqualTo("ActivityScheduled");
        }
    }



    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
