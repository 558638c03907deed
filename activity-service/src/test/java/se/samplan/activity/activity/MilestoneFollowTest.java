package se.samplan.activity.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.activity.ActivityServiceTestSupport;
import se.samplan.events.Topics;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.activity.ActivityServiceTestSupport.as;

/** Moving a milestone's forecast in plan-service moves the activities scheduled relative to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MilestoneFollowTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ActivityServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Value("${samplan.plans.topic}")
    String plansTopic;

    @Test
    void anActivityBeforeKickOffMovesWithTheKickOffsForecast() {
        Instant now = Instant.now();
        try (EventProducer plans = new EventProducer(TestKafka.get().bootstrapServers());
             TopicReader activities = new TopicReader(TestKafka.get().bootstrapServers(), Topics.ACTIVITIES)) {
            plans.send(plansTopic, EventProducer.envelope(new PlanCreated("plan-vkl", "vkl", "Barn och unga i fokus",
                    LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31), "katja"), "plan-vkl", 0, now));
            plans.send(plansTopic, EventProducer.envelope(new MilestoneAdded("plan-vkl", "vkl", "kick-off", "Kick-off",
                    LocalDate.of(2012, 5, 24), null, Rating.G), "plan-vkl", 1, now));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.exchange("/api/activities/settings", HttpMethod.GET,
                    as("vkl", "katja", null), JsonNode.class).getStatusCode().is2xxSuccessful()
                    && known("plan-vkl"));

            JsonNode created = http.postForObject("/api/activities", as("vkl", "katja", Map.of("planId", "plan-vkl",
                    "title", "Inbjudan till kick-off", "schedule", Map.of("kind", "MILESTONE", "milestoneId", "kick-off",
                            "offsetDays", -14, "text", "Inför kick-off"))), JsonNode.class);
            String activityId = created.get("activityId").asText();
            assertThat(created.get("occurrences").get(0).get("dueDate").asText()).isEqualTo("2012-05-10");
            assertThat(created.get("warnings")).isEmpty();

            plans.send(plansTopic, EventProducer.envelope(new MilestoneForecastChanged("plan-vkl", "vkl", "kick-off", null,
                    LocalDate.of(2012, 6, 7), "Lokalen var upptagen"), "plan-vkl", 2, now));

            await().atMost(Duration.ofSeconds(30)).until(() -> dueDate(activityId).equals("2012-05-24"));
            assertThat(activities.await(r -> activityId.equals(r.key())
                    && new String(r.value()).contains("\"type\":\"ActivityOccurrenceMoved\""), 1, Duration.ofSeconds(30)))
                    .hasSize(1);

            // The same forecast event read again moves nothing.
            plans.send(plansTopic, EventProducer.envelope(new MilestoneForecastChanged("plan-vkl", "vkl", "kick-off", null,
                    LocalDate.of(2012, 6, 7), "Lokalen var upptagen"), "plan-vkl", 2, now));
            assertThat(activities.drain(Duration.ofSeconds(3))).filteredOn(r -> activityId.equals(r.key())
                    && new String(r.value()).contains("\"type\":\"ActivityOccurrenceMoved\"")).hasSize(1);
        }
    }

    private boolean known(String planId) {
        JsonNode probe = http.postForObject("/api/activities", as("vkl", "probe", Map.of("planId", planId, "title", "Probe",
                "schedule", Map.of("kind", "ONGOING"))), JsonNode.class);
        return probe.get("warnings").isEmpty();
    }

    private String dueDate(String activityId) {
        return http.exchange("/api/activities/" + activityId, HttpMethod.GET, as("vkl", "katja", null), JsonNode.class)
                .getBody().get("occurrences").get(0).get("dueDate").asText();
    }
}
