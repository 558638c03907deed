package se.samplan.reporting.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivityOccurrencePostponed;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.RiskAdded;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drop every projection, read every topic again from offset zero: the projections come back equal,
 * and the reports (this service's own data) are untouched.
 */
@SpringBootTest(properties = "samplan.consumer.progress-interval=200ms")
class RebuildTest {

    static ReportingTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @Autowired
    Rebuild rebuild;
    @Autowired
    List<Projection> projections;
    /** The tables as their owner sees them: every association's rows. */
    JdbcTemplate jdbc;

    @Autowired
    void owner(org.springframework.core.env.Environment environment) {
        jdbc = ReportingTestSupport.owner(environment);
    }

    @Test
    void projectionsRebuiltFromKafkaEqualThoseBefore() {
        Instant t = Instant.parse("2022-03-01T08:00:00Z");
        int events = 0;
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            for (int p = 0; p < 6; p++) {
                String plan = "plan-" + p;
                String association = p % 2 == 0 ? "sco" : "vkl";
                long seq = 0;
                producer.send(topics.plans(), EventProducer.envelope(new PlanCreated(plan, association, "Plan " + p,
                        LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "owner-" + p), plan, seq++, t));
                producer.send(topics.plans(), EventProducer.envelope(new MilestoneAdded(plan, association, "m", "Lansering",
                        LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 1), Rating.G), plan, seq++, t.plusSeconds(1)));
                producer.send(topics.plans(), EventProducer.envelope(new MilestoneForecastChanged(plan, association, "m",
                        LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 1).plusDays(p * 7L), "Försening " + p), plan, seq++, t.plusSeconds(2)));
                producer.send(topics.plans(), EventProducer.envelope(new RiskAdded(plan, association, "r", "Risk " + p, "Åtgärd",
                        3, 2), plan, seq++, t.plusSeconds(3)));
                producer.send(topics.plans(), EventProducer.envelope(new PartnerAssociationAdded(plan, association, "ostra",
                        PartnerAccess.READ), plan, seq++, t.plusSeconds(4)));
                events += 5;
                for (int a = 0; a < 4; a++) {
                    String activity = plan + "-a" + a;
                    producer.send(topics.activities(), EventProducer.envelope(EventProducer.activity(activity, association, plan,
                            "Aktivitet " + a, LocalDate.of(2022, 1 + a, 10)), activity, 0, t));
                    producer.send(topics.activities(), EventProducer.envelope(a % 2 == 0
                            ? new ActivityOccurrenceCompleted(activity, association, plan, "once", LocalDate.of(2022, 1 + a, 9), "Klart",
                            new BigDecimal(a * 1000))
                            : new ActivityOccurrencePostponed(activity, association, plan, "once", LocalDate.of(2022, 1 + a, 10),
                            LocalDate.of(2022, 2 + a, 10), "Sjukdom"), activity, 1, t.plusSeconds(5)));
                    events += 2;
                }
            }
        }
        int total = events;
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT coalesce(sum(last_sequence + 1), 0) FROM aggregate_position", Integer.class) == total);
        jdbc.update("""
                INSERT INTO status_report (report_id, association_id, plan_id, cadence_id, title, period_kind, period_start, period_end,
                                           status, content, version, created_at, created_by, updated_at)
                VALUES ('plan-0:adhoc:2022-01', 'sco', 'plan-0', 'adhoc', 'Statusrapport januari 2022', 'MONTH', '2022-01-01',
                        '2022-01-31', 'DRAFT', '{}'::jsonb, 0, now(), 'anna', now())""");
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("activity_occurrence")).hasSize(24);
        assertThat(before.get("milestone_move")).hasSize(12);

        rebuild.run();
        assertThat(rebuild.inProgress()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.inProgress());

        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM status_report", Integer.class)).isEqualTo(1);
    }

    /** Every projection table, ordered by all its columns. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        projections.stream().flatMap(p -> p.tables().stream()).sorted().forEach(table ->
                tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " t ORDER BY t::text")));
        return tables;
    }
}
