package se.samplan.activity.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestTemplate;
import se.samplan.activity.ActivityServiceTestSupport;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samplan.activity.ActivityServiceTestSupport.as;
import static se.samplan.activity.ActivityServiceTestSupport.client;
import static se.samplan.activity.ActivityServiceTestSupport.start;

/**
 * The persistent reminder sweep against real PostgreSQL and Kafka: one ActivityDueSoon for an
 * activity due tomorrow, still one after the service restarts around it, and one ActivityOverdue
 * for an occurrence not done by its date; and with two instances on one database, still one.
 */
class RemindersTest {

    @Test
    void dueSoonAndOverdueComeExactlyOnceAcrossARestartAndTwoInstances() throws Exception {
        Map<String, Object> properties = ActivityServiceTestSupport.freshProperties();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        String dueTomorrow;
        String dueYesterday;
        try (ConfigurableApplicationContext service = start(properties);
             TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            RestTemplate http = client(service);
            dueTomorrow = schedule(http, "Påminnelse om nyhetsbrev", today.plusDays(1));
            dueYesterday = schedule(http, "Halvårsrapport", today.minusDays(1));

            assertThat(reader.await(event(dueTomorrow, "ActivityDueSoon"), 1, Duration.ofSeconds(60))).hasSize(1);
            assertThat(reader.await(event(dueYesterday, "ActivityOverdue"), 1, Duration.ofSeconds(60))).hasSize(1);
        }

        // A restart around the due time, as two instances on one database: the scheduler runs again
        // from PostgreSQL on both, and nothing is said twice.
        try (ConfigurableApplicationContext first = start(properties);
             ConfigurableApplicationContext second = start(properties);
             TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            Thread.sleep(5_000);   // several sweeps (every second here)
            List<ConsumerRecord<String, byte[]>> all = reader.drain(Duration.ofSeconds(2));
            assertThat(all).filteredOn(event(dueTomorrow, "ActivityDueSoon")).hasSize(1);
            assertThat(all).filteredOn(event(dueYesterday, "ActivityOverdue")).hasSize(1);
            assertThat(all).filteredOn(event(dueYesterday, "ActivityDueSoon")).isEmpty();
            EventEnvelope dueSoon = EventJson.read(all.stream().filter(event(dueTomorrow, "ActivityDueSoon")).findFirst()
                    .orElseThrow().value());
            assertThat(dueSoon.payload().get("dueDate").asText()).isEqualTo(today.plusDays(1).toString());
            assertThat(dueSoon.payload().get("leadDays").asInt()).isEqualTo(3);
            assertThat(dueSoon.actor()).isEqualTo("system");
        }
    }

    private static Predicate<ConsumerRecord<String, byte[]>> event(String activityId, String type) {
        return record -> activityId.equals(record.key()) && EventJson.read(record.value()).type().equals(type);
    }

    private static String schedule(RestTemplate http, String title, LocalDate due) {
        JsonNode created = http.postForObject("/api/activities", as("sco", "sara", Map.of("planId", "plan-1", "title", title,
                "responsible", List.of(Map.of("kind", "PERSON", "ref", "sara")),
                "schedule", Map.of("kind", "DATE", "date", due.toString()))), JsonNode.class);
        return created.get("activityId").asText();
    }


}
