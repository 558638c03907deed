package se.samplan.plan.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.Topics;
import se.samplan.events.plan.PlanCreated;
import se.samplan.plan.PlanServiceTestSupport;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samplan.plan.PlanServiceTestSupport.as;

/**
 * On PostgreSQL, commit order is not insert order: an event store transaction that commits after a
 * later one leaves a gap in the global index that the publisher must wait for, not skip
 * (AxonFramework #2958, #3015). And no transaction may stay open long enough to be given up on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samplan.event-store.transaction-timeout=3s")
class EventStoreGapTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper mapper;

    @Test
    void anEventThatCommitsAfterALaterOneIsStillPublished() throws Exception {
        String slowPlan = UUID.randomUUID().toString();
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.PLANS);
             Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insertPlanCreated(slow, slowPlan);     // takes global index N, not yet committed

            String fastPlan = http.postForEntity("/api/plans", as("sco", "person-2", Map.of("title", "Snabb")),
                    JsonNode.class).getBody().get("planId").asText();    // N+1, committed at once
            assertThat(reader.await(r -> fastPlan.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(reader.drain(Duration.ofMillis(500))).noneMatch(r -> slowPlan.equals(r.key()));

            slow.commit();

            assertThat(reader.await(r -> slowPlan.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void noTransactionOutlivesTheTransactionTimeout() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            Thread.sleep(4_000);
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }).isInstanceOf(SQLException.class);
        }
    }

    private void insertPlanCreated(Connection connection, String planId) throws Exception {
        PlanCreated event = new PlanCreated(planId, "sco", "Långsam", null, null, "person-1");
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Plan', ?, ?, ?, '1', ?, ?)""")) {
            insert.setString(1, planId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, mapper.writeValueAsBytes(Map.of("tenantId", "sco", "actor", "person-1")));
            insert.setBytes(4, mapper.writeValueAsBytes(event));
            insert.setString(5, PlanCreated.class.getName());
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
