package se.samplan.activity.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;
import se.samplan.activity.ActivityServiceTestSupport;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.activity.ActivityServiceTestSupport.as;
import static se.samplan.activity.ActivityServiceTestSupport.client;
import static se.samplan.activity.ActivityServiceTestSupport.start;

/**
 * A backlog larger than a page is worked off in one pass of the sweep, each occurrence reminded once:
 * pages of two and seven overdue occurrences (same due date, so the keyset must order within a date too).
 */
class ReminderSweepTest {

    @Test
    void onePassRemindsEveryDueOccurrencePageByPage() throws Exception {
        Map<String, Object> properties = ActivityServiceTestSupport.freshProperties();
        // Only the pass the test starts: the scheduled one runs at start-up and then not for an hour.
        properties.put("samplan.reminders.sweep-interval", "PT1H");
        properties.put("samplan.reminders.sweep-page-size", "2");
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1);
        try (ConfigurableApplicationContext service = start(properties);
             TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            RestTemplate http = client(service);
            List<String> activities = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                JsonNode created = http.postForObject("/api/activities", as("sco", "sara", Map.of("planId", "plan-1",
                        "title", "Uppföljning " + i, "responsible", List.of(Map.of("kind", "PERSON", "ref", "sara")),
                        "schedule", Map.of("kind", "DATE", "date", yesterday.toString()))), JsonNode.class);
                activities.add(created.get("activityId").asText());
            }
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM occurrence_row WHERE activity_id = ANY (?)", Integer.class,
                    (Object) activities.toArray(String[]::new)) == 7);

            service.getBean(ReminderSweep.class).sweep();

            Predicate<ConsumerRecord<String, byte[]>> overdue = r -> activities.contains(r.key())
                    && EventJson.read(r.value()).type().equals("ActivityOverdue");
            Set<String> reminded = reader.await(overdue, 7, Duration.ofSeconds(60)).stream()
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            assertThat(reminded).containsExactlyInAnyOrderElementsOf(activities);
            assertThat(reader.drain(Duration.ofSeconds(2))).as("each occurrence reminded once").filteredOn(overdue).hasSize(7);
        }
    }
}
