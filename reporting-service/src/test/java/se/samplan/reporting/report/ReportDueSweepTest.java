package se.samplan.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.plan.PlanCreated;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/**
 * A plan's cadence (monthly to the funder, due ten days after each month) makes ReportDue a few
 * days before and ReportOverdue after the due date, each once however often the sweep runs, and
 * nothing for a report that was submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samplan.reports.sweep-interval=1h", "samplan.reports.sweep-delay=1h"})
class ReportDueSweepTest {

    static ReportingTestSupport.Topics topics;
    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2021-12-20T08:00:00Z"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return new Clock() {
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(now.get(), zone);
                }

                public Instant instant() {
                    return now.get();
                }
            };
        }
    }

    @Autowired
    ReportDueSweep sweep;
    @Autowired
    TestRestTemplate http;
    /** The tables as their owner sees them: every association's rows. */
    JdbcTemplate jdbc;

    @Autowired
    void owner(org.springframework.core.env.Environment environment) {
        jdbc = ReportingTestSupport.owner(environment);
    }

    @Test
    void dueAndOverdueAreToldOnceEachAndNotForASubmittedReport() {
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-e", "regionforbundet-kalmar", "E-serviceverkstad",
                    LocalDate.of(2021, 10, 1), LocalDate.of(2022, 3, 31), "christer"), "plan-e", 0, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM plan_overview WHERE plan_id = 'plan-e'", Integer.class) == 1);
        ResponseEntity<JsonNode> cadence = http.exchange("/api/reports/plans/plan-e/cadences", HttpMethod.POST,
                as("regionforbundet-kalmar", "christer", "plan-owner", null,
                        Map.of("cadenceId", "funder", "recipient", "Internetfonden", "frequency", "MONTHLY", "dueDays", 10)), JsonNode.class);
        assertThat(cadence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(cadence.getBody().get("ownerId").asText()).isEqualTo("christer");
        ResponseEntity<JsonNode> bad = http.exchange("/api/reports/plans/plan-e/cadences", HttpMethod.POST,
                as("regionforbundet-kalmar", "christer", "plan-owner", null, Map.of("recipient", "Styrgruppen", "frequency", "WEEKLY")),
                JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("frequency");

        // 20 December: November's report was due 10 December, long enough ago to be told overdue; December's not yet due.
        sweep.sweep();
        sweep.sweep();
        assertThat(notices()).containsExactly("plan-e:funder:2021-11 OVERDUE 2021-12-10");

        now.set(Instant.parse("2022-01-06T08:00:00Z"));   // December's is due on 10 January: five days ahead, told due
        sweep.sweep();
        sweep.sweep();
        assertThat(notices()).containsExactly("plan-e:funder:2021-11 OVERDUE 2021-12-10", "plan-e:funder:2021-12 DUE 2022-01-10");

        // December's report is submitted before it is overdue; November's is not told again.
        ResponseEntity<JsonNode> opened = http.exchange("/api/reports/plans/plan-e/status-reports", HttpMethod.POST,
                as("regionforbundet-kalmar", "christer", "plan-owner", null, Map.of("period", "2021-12", "cadenceId", "funder")),
                JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getBody().get("recipient").asText()).isEqualTo("Internetfonden");
        JsonNode content = opened.getBody().get("content").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) content.get("parameters").get(4)).put("rating", "O");
        assertThat(http.exchange("/api/reports/status-reports/plan-e:funder:2021-12", HttpMethod.PUT,
                as("regionforbundet-kalmar", "christer", "plan-owner", opened.getHeaders().getETag(), Map.of("content", content)),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/reports/status-reports/plan-e:funder:2021-12/submission", HttpMethod.POST,
                as("regionforbundet-kalmar", "christer", "plan-owner", "\"2\"", null), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        now.set(Instant.parse("2022-01-12T08:00:00Z"));
        sweep.sweep();
        assertThat(notices()).hasSize(2);

        JsonNode due = http.exchange("/api/reports/plans/plan-e/due-reports", HttpMethod.GET,
                as("regionforbundet-kalmar", "christer"), JsonNode.class).getBody();
        assertThat(due).hasSize(6);
        assertThat(due.get(1).get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(due.get(1).get("overdue").asBoolean()).isTrue();
        assertThat(due.get(2).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(due.get(2).get("overdue").asBoolean()).isFalse();

        // The dashboard's status names the report the plan owes next: October's, the earliest not submitted.
        JsonNode status = http.exchange("/api/reports/status", HttpMethod.GET, as("regionforbundet-kalmar", "christer"),
                JsonNode.class).getBody();
        assertThat(status).hasSize(1);
        JsonNode next = status.get(0).get("nextReport");
        assertThat(next.get("reportId").asText()).isEqualTo("plan-e:funder:2021-10");
        assertThat(next.get("overdue").asBoolean()).isTrue();
        assertThat(next).isEqualTo(due.get(0));

        // On Kafka for notification-service: the report's stream, in order (the notices come first: sequences 0, 1).
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), topics.reports())) {
            List<EventEnvelope> december = reader.await(r -> r.key().equals("plan-e:funder:2021-12"), 4, Duration.ofSeconds(30))
                    .stream().map(r -> EventJson.read(r.value())).toList();
            assertThat(december).extracting(EventEnvelope::type)
                    .containsExactly("ReportDue", "StatusReportDrafted", "StatusReportEdited", "StatusReportSubmitted");
            assertThat(december).extracting(EventEnvelope::sequence).containsExactly(0L, 1L, 2L, 3L);
            assertThat(december.get(0).payload().get("ownerId").asText()).isEqualTo("christer");
        }
    }

    private List<String> notices() {
        return jdbc.query("SELECT report_id, kind, due_date FROM report_notice ORDER BY due_date, report_id",
                (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3));
    }
}
