package se.samplan.reporting.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.activity.ActivityDetailsChanged;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivityOccurrenceCancelled;
import se.samplan.events.activity.ActivityOccurrenceMoved;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanClosed;
import se.samplan.events.plan.PlanOwnerChanged;
import se.samplan.events.plan.PlanPeriodChanged;
import se.samplan.events.plan.PlanRevisionStarted;
import se.samplan.events.plan.RiskRemoved;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivityOccurrenceStarted;
import se.samplan.events.activity.ActivityRescheduled;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.events.plan.RiskAdded;
import se.samplan.events.plan.RiskChanged;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.PlanDecided;
import se.samplan.events.plan.PlanPresented;
import se.samplan.events.plan.PlanRetitled;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.reporting.db.Tenancy;
import se.samplan.testkit.EventProducer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The projections fed poll by poll, as the Kafka listener feeds them, with the redeliveries
 * and orderings Kafka can produce: the result must equal a single clean pass. Each record is
 * applied in a span of its publisher's trace.
 */
@SpringBootTest(properties = "samplan.consumer.auto-startup=false")
@AutoConfigureObservability(metrics = false)
class EventIntakeTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingTestSupport.register(registry);
    }

    @Autowired
    EventIntake intake;
    @Autowired
    Positions positions;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    /** The tables as their owner sees them: every association's rows. */
    JdbcTemplate jdbc;

    @Autowired
    void owner(org.springframework.core.env.Environment environment) {
        jdbc = ReportingTestSupport.owner(environment);
    }

    private final Instant now = Instant.parse("2021-12-01T09:00:00Z");
    private EventEnvelope planA;
    private EventEnvelope planB;
    private EventEnvelope activityA1;
    private EventEnvelope activityA2;

    @BeforeEach
    void clean() {
        jdbc.execute("TRUNCATE consumer_position, aggregate_position, plan_overview, milestone_state, milestone_move, "
                + "activity_detail, activity_occurrence, plan_partner, plan_risk");
        planA = EventProducer.envelope(new PlanCreated("plan-a", "sco", "Kommunikation SCÖ", LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31), "person-1"), "plan-a", 0, now);
        planB = EventProducer.envelope(new PlanCreated("plan-b", "vkl", "Barn och unga i fokus", null, null, "person-2"),
                "plan-b", 0, now);
        activityA1 = EventProducer.envelope(EventProducer.activity("act-1", "sco", "plan-a", "Gemensam föreläsning",
                LocalDate.of(2021, 12, 10)), "act-1", 0, now);
        activityA2 = EventProducer.envelope(EventProducer.activity("act-2", "sco", "plan-a", "Nyhetsbrev", null),
                "act-2", 0, now);
    }

    /** Every span the service ends, as its exporter would receive it. */
    static final List<SpanData> ENDED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Spans {
        /** Alongside the service's own processors: ends spans into {@link #ENDED} at once, not in batches. */
        @Bean
        SpanProcessor collectingSpans() {
            return SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    ENDED.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            });
        }
    }

    @Test
    void eachRecordIsAppliedInASpanOfTheTraceItsPublisherPutOnIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String publisherSpan = "00f067aa0ba902b7";
        ConsumerRecord<String, byte[]> traced = record("plans", 0, 0, planA);
        traced.headers().add("traceparent", ("00-" + traceId + "-" + publisherSpan + "-01").getBytes(StandardCharsets.UTF_8));
        ENDED.clear();

        feed(List.of(traced, record("plans", 1, 0, planB)));

        List<SpanData> records = ENDED.stream().filter(span -> span.getName().equals(topic("plans") + " process")).toList();
        assertThat(records).hasSize(2).allSatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER));
        // The traced record's span is a child of its publisher's span, in its trace.
        assertThat(records).filteredOn(span -> span.getTraceId().equals(traceId))
                .singleElement().satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(publisherSpan));
        // A record without trace context starts a trace of its own.
        assertThat(records).filteredOn(span -> !span.getTraceId().equals(traceId))
                .singleElement().satisfies(span -> assertThat(span.getParentSpanContext().isValid()).isFalse());
        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_overview ORDER BY plan_id", String.class))
                .containsExactly("plan-a", "plan-b");
    }

    @Test
    void duplicatesAndCrossTopicDisorderGiveTheSameResultAsOneCleanPass() {
        EventEnvelope shared = EventProducer.envelope(new PartnerAssociationAdded("plan-a", "sco", "ostra", PartnerAccess.READ),
                "plan-a", 1, now);
        EventEnvelope done = EventProducer.envelope(new ActivityOccurrenceCompleted("act-1", "sco", "plan-a", "once",
                LocalDate.of(2021, 12, 9), "Fullsatt", new java.math.BigDecimal("1200.00")), "act-1", 1, now);
        // The clean pass one record per poll, the troubled one as a single poll: both ways agree.
        List.of(record("plans", 0, 0, planA), record("plans", 0, 1, shared), record("plans", 1, 0, planB),
                record("activities", 0, 0, activityA1), record("activities", 0, 1, done), record("activities", 1, 0, activityA2))
                .forEach(one -> feed(List.of(one)));
        List<Map<String, Object>> clean = snapshot();
        assertThat(clean).hasSize(4 + 2 + 1);

        jdbc.execute("TRUNCATE consumer_position, aggregate_position, plan_overview, activity_detail, activity_occurrence, "
                + "plan_partner");
        feed(List.of(
                record("activities", 1, 0, activityA2),     // an activity before its plan
                record("activities", 1, 0, activityA2),     // redelivered at the same offset
                record("activities", 0, 0, activityA1),
                record("plans", 1, 0, planB),
                record("activities", 0, 1, done),           // done before its plan is known
                record("plans", 0, 0, planA),
                record("plans", 0, 1, planA),               // the publisher sent it again: a new offset
                record("activities", 0, 2, activityA1),     // an older event again, after a newer one
                record("activities", 0, 3, done),
                record("plans", 0, 2, shared),
                record("plans", 0, 3, shared)));

        assertThat(snapshot()).isEqualTo(clean);
    }

    @Test
    void aRecordThatCannotBeAppliedLeavesTheRestOfItsPollToTheErrorHandler() {
        ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>(topic("plans"), 0, 1, "plan-x",
                "inte JSON".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // The poll fails as a whole, so its records are applied one by one: the one before the bad record
        // lands, and the container is told which record failed (it retries or rejects it, then redelivers the rest).
        assertThatThrownBy(() -> feed(List.of(record("plans", 0, 0, planA), unreadable, record("plans", 1, 0, planB))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1));
        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_overview", String.class)).containsExactly("plan-a");

        feed(List.of(record("plans", 1, 0, planB), record("plans", 0, 2, planA)));
        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_overview ORDER BY plan_id", String.class))
                .containsExactly("plan-a", "plan-b");
        try (Tenancy.Scope system = Tenancy.system()) {
            assertThat(positions.nextOffset(topic("plans"), 0)).contains(3L);
        }
    }

    @Test
    void planChangesFollowInOrder() {
        EventEnvelope retitled = EventProducer.envelope(new PlanRetitled("plan-a", "sco", "Kommunikation SCÖ 2022"), "plan-a", 1, now);
        EventEnvelope presented = EventProducer.envelope(new PlanPresented("plan-a", "sco", 1, LocalDate.of(2022, 1, 21), "Styrelsen"),
                "plan-a", 2, now);
        EventEnvelope decided = EventProducer.envelope(new PlanDecided("plan-a", "sco", 1, LocalDate.of(2022, 2, 25), "Styrelsen"),
                "plan-a", 3, now);
        feed(List.of(record("plans", 0, 0, planA), record("plans", 0, 1, retitled), record("plans", 0, 2, presented),
                record("plans", 0, 3, decided), record("plans", 0, 4, presented)));

        assertThat(jdbc.queryForMap("SELECT title, status FROM plan_overview WHERE plan_id = 'plan-a'"))
                .containsEntry("title", "Kommunikation SCÖ 2022").containsEntry("status", "DECIDED");
    }

    @Test
    void everyMilestoneMoveIsKeptWithItsSlip() {
        Instant t = now;
        List<EventEnvelope> events = List.of(
                EventProducer.envelope(new MilestoneAdded("plan-a", "sco", "web", "Ny webbplats", LocalDate.of(2021, 12, 1), null,
                        Rating.G), "plan-a", 1, t),
                EventProducer.envelope(new MilestoneForecastChanged("plan-a", "sco", "web", null, LocalDate.of(2021, 12, 15),
                        "Byrån försenad"), "plan-a", 2, t.plusSeconds(60)),
                EventProducer.envelope(new MilestoneStatusChanged("plan-a", "sco", "web", Rating.G, Rating.O, "Försening"),
                        "plan-a", 3, t.plusSeconds(120)),
                EventProducer.envelope(new MilestoneForecastChanged("plan-a", "sco", "web", LocalDate.of(2021, 12, 15),
                        LocalDate.of(2022, 1, 31), "Upphandling"), "plan-a", 4, t.plusSeconds(180)));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(record("plans", 0, 0, planA));
        for (int i = 0; i < events.size(); i++) {
            records.add(record("plans", 0, i + 1, events.get(i)));
        }
        feed(records);
        feed(records.subList(2, 4));   // redelivered: no move counted twice

        assertThat(jdbc.queryForList("SELECT kind, slip_days, reason FROM milestone_move WHERE plan_id = 'plan-a' ORDER BY occurred_at"))
                .extracting(row -> row.get("kind") + ":" + row.get("slip_days") + ":" + row.get("reason"))
                .containsExactly("ADDED:null:null", "FORECAST:14:Byrån försenad", "STATUS:14:Försening", "FORECAST:61:Upphandling");
        assertThat(jdbc.queryForMap("SELECT status, forecast_date FROM milestone_state WHERE plan_id = 'plan-a'"))
                .containsEntry("status", "O").containsEntry("forecast_date", java.sql.Date.valueOf("2022-01-31"));
    }

    @Test
    void readingEverythingAgainAfterAPositionResetChangesNothing() {
        List<ConsumerRecord<String, byte[]>> all = List.of(record("plans", 0, 0, planA), record("plans", 1, 0, planB),
                record("activities", 0, 0, activityA1));
        feed(all);
        List<Map<String, Object>> before = snapshot();

        Tenancy.system(positions::resetPartitions);
        feed(all);

        assertThat(snapshot()).isEqualTo(before);
        try (Tenancy.Scope system = Tenancy.system()) {
            assertThat(positions.nextOffset(topic("plans"), 0)).contains(1L);
        }
    }

    /**
     * A poll's statements run together, level by level per aggregate and part (Writes): a poll holding whole
     * histories of several plans and activities, interleaved, gives what applying them one poll per
     * record gives, including each move's slip read from the milestone as the events before it left it.
     */
    @Test
    void aPollOfManyAggregatesGivesWhatOneRecordAtATimeGives() {
        List<List<EventEnvelope>> histories = new ArrayList<>();
        for (String plan : List.of("plan-x", "plan-y", "plan-z")) {
            LocalDate target = LocalDate.of(2022, 3, 1);
            Object forecast = new MilestoneForecastChanged(plan, "sco", "m1", target.plusDays(3), target.plusDays(20), "Byrån");
            Object targetMoved = new MilestoneTargetDateChanged(plan, "sco", "m1", target, target.plusDays(10), "Styrelsen");
            // The plans move their milestone in different orders, so a poll's statements cannot follow one common order.
            boolean forecastFirst = !plan.equals("plan-y");
            // A second milestone and risk whose steps interleave with the first's (each part's steps share
            // levels with the other's), and a step on the whole plan between them.
            LocalDate target2 = LocalDate.of(2022, 6, 1);
            List<Object> planEvents = List.of(
                    new PlanCreated(plan, "sco", "Plan " + plan, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "person-1"),
                    new MilestoneAdded(plan, "sco", "m1", "Webb", target, target.plusDays(3), Rating.G),
                    new MilestoneAdded(plan, "sco", "m2", "Film", target2, target2, Rating.G),
                    forecastFirst ? forecast : targetMoved,
                    new MilestoneForecastChanged(plan, "sco", "m2", target2, target2.plusDays(5), "Byrån"),
                    forecastFirst ? targetMoved : forecast,
                    new MilestoneStatusChanged(plan, "sco", "m1", Rating.G, Rating.O, "Försenad"),
                    new RiskAdded(plan, "sco", "r1", "Låg närvaro", "Påminnelser", 3, 2),
                    new MilestoneStatusChanged(plan, "sco", "m2", Rating.G, Rating.R, "Ingen film"),
                    new RiskAdded(plan, "sco", "r2", "Sjukdom", "Ersättare", 2, 3),
                    new RiskChanged(plan, "sco", "r1", "Låg närvaro", "Sms", 2, 2),
                    new PlanRetitled(plan, "sco", "Plan " + plan + " 2022"),
                    new RiskRemoved(plan, "sco", "r2"),
                    new MilestoneForecastChanged(plan, "sco", "m2", target2.plusDays(5), target2.plusDays(1), "Klippt"));
            histories.add(sequenced(plan, planEvents));
            for (String activity : List.of(plan + "-a1", plan + "-a2")) {
                List<PlannedOccurrence> twice = List.of(new PlannedOccurrence("2022-02", LocalDate.of(2022, 2, 15)),
                        new PlannedOccurrence("2022-03", LocalDate.of(2022, 3, 15)));
                List<PlannedOccurrence> moved = List.of(new PlannedOccurrence("2022-03", LocalDate.of(2022, 3, 20)),
                        new PlannedOccurrence("2022-04", LocalDate.of(2022, 4, 15)));
                ActivityScheduled base = EventProducer.activity(activity, "sco", plan, "Träff " + activity, LocalDate.of(2022, 2, 15));
                Object scheduled = new ActivityScheduled(activity, "sco", plan, base.title(), null, base.kind(), List.of(), null,
                        List.of(), null, null, null, null, base.schedule(), twice);
                Object started = new ActivityOccurrenceStarted(activity, "sco", plan, "2022-02");
                Object completed = new ActivityOccurrenceCompleted(activity, "sco", plan, "2022-02", LocalDate.of(2022, 2, 16), "Bra",
                        new java.math.BigDecimal("500.00"));
                Object rescheduled = new ActivityRescheduled(activity, "sco", plan, base.schedule(), moved);
                // The second activity starts an occurrence that only its new schedule gives.
                histories.add(sequenced(activity, activity.endsWith("a1")
                        ? List.of(scheduled, started, completed, rescheduled, new ActivityOccurrenceStarted(activity, "sco", plan, "2022-03"))
                        : List.of(scheduled, rescheduled, new ActivityOccurrenceStarted(activity, "sco", plan, "2022-04"), started, completed)));
            }
        }
        // Round robin over the aggregates: every level of the poll holds several aggregates' statements.
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long[] offsets = new long[4];
        for (int step = 0; records.size() < histories.stream().mapToInt(List::size).sum(); step++) {
            for (int h = 0; h < histories.size(); h++) {
                if (step < histories.get(h).size()) {
                    EventEnvelope envelope = histories.get(h).get(step);
                    String topic = envelope.aggregateId().contains("-a") ? "activities" : "plans";
                    int partition = h % 2;
                    records.add(record(topic, partition, offsets[(topic.equals("plans") ? 0 : 2) + partition]++, envelope));
                }
            }
        }
        records.forEach(one -> feed(List.of(one)));
        List<Map<String, Object>> oneByOne = everything();
        assertThat(slips("plan-x", "m1")).containsExactly(3, 20, 10, 10);
        assertThat(slips("plan-y", "m1")).containsExactly(3, -7, 10, 10);
        assertThat(slips("plan-y", "m2")).containsExactly(0, 5, 5, 1);
        assertThat(jdbc.queryForObject("SELECT status FROM activity_occurrence WHERE activity_id = 'plan-z-a2' AND occurrence_id = '2022-04'",
                String.class)).isEqualTo("IN_PROGRESS");

        jdbc.execute("TRUNCATE consumer_position, aggregate_position, plan_overview, milestone_state, milestone_move, "
                + "activity_detail, activity_occurrence, plan_partner, plan_risk");
        double split = meters.counter("samplan.events.polls.split", "consumer", "reporting").count();
        feed(records);

        assertThat(everything()).isEqualTo(oneByOne);
        assertThat(slips("plan-y", "m2")).containsExactly(0, 5, 5, 1);
        assertThat(jdbc.queryForList("SELECT risk_id || ':' || mitigation FROM plan_risk WHERE plan_id = 'plan-z'", String.class))
                .containsExactly("r1:Sms");
        // Applied as one poll, not record by record after a failure.
        assertThat(meters.counter("samplan.events.polls.split", "consumer", "reporting").count()).isEqualTo(split);
    }

    private List<Integer> slips(String plan, String milestone) {
        return jdbc.queryForList("SELECT slip_days FROM milestone_move WHERE plan_id = ? AND milestone_id = ? ORDER BY occurred_at",
                Integer.class, plan, milestone);
    }

    /**
     * An aggregate whose events are on two partitions (after the topic gained partitions) can meet two
     * consumers at once: a poll's positions are stored only if nobody moved them since they were read,
     * so the later poll fails and is read again instead of applying an event twice.
     */
    @Test
    void anAggregateAppliedByAnotherConsumerMeanwhileFailsThePollsStore() {
        feed(List.of(record("plans", 0, 0, planA)));
        Map<String, Long> seen;
        try (Tenancy.Scope system = Tenancy.system()) {
            seen = positions.lastApplied(List.of("plan-a", "plan-b"));
        }
        assertThat(seen).containsEntry("plan-a", 0L).containsEntry("plan-b", -1L);
        // The other consumer applies both first.
        EventEnvelope retitled = EventProducer.envelope(new PlanRetitled("plan-a", "sco", "Kommunikation 2022"), "plan-a", 1, now);
        feed(List.of(record("plans", 1, 0, retitled), record("plans", 1, 1, planB)));

        try (Tenancy.Scope system = Tenancy.system()) {
            assertThatThrownBy(() -> positions.storeAggregates(Map.of("plan-a", 1L), seen))
                    .isInstanceOf(Positions.ConcurrentApplication.class);
            assertThatThrownBy(() -> positions.storeAggregates(Map.of("plan-b", 0L), seen))
                    .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        }
        assertThat(jdbc.queryForList("SELECT aggregate_id || ':' || last_sequence FROM aggregate_position ORDER BY 1", String.class))
                .containsExactly("plan-a:1", "plan-b:0");
    }

    /**
     * Each projection statement once, in one poll: the set-based statements (Writes) for changes the
     * other tests do not make, including removals and an activity's edits.
     */
    @Test
    void everyKindOfChangeLandsFromOnePoll() {
        LocalDate march = LocalDate.of(2022, 3, 1);
        List<EventEnvelope> plan = sequenced("plan-k", List.of(
                new PlanCreated("plan-k", "sco", "Plan K", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "person-1"),
                new PlanPeriodChanged("plan-k", "sco", LocalDate.of(2022, 2, 1), LocalDate.of(2023, 1, 31)),
                new PlanOwnerChanged("plan-k", "sco", "person-2"),
                new MilestoneAdded("plan-k", "sco", "m1", "Webb", march, march, Rating.G),
                new MilestoneAdded("plan-k", "sco", "m2", "Enkät", march, null, Rating.G),
                new MilestoneRenamed("plan-k", "sco", "m1", "Ny webb"),
                new MilestoneRemoved("plan-k", "sco", "m2"),
                new PartnerAssociationAdded("plan-k", "sco", "vkl", PartnerAccess.READ),
                new PartnerAssociationAdded("plan-k", "sco", "fyr", PartnerAccess.READ),
                new PartnerAssociationAdded("plan-k", "sco", "vkl", PartnerAccess.CONTRIBUTE),
                new PartnerAssociationRemoved("plan-k", "sco", "fyr"),
                new RiskAdded("plan-k", "sco", "r1", "Låg närvaro", null, 3, 2),
                new RiskAdded("plan-k", "sco", "r2", "Sjukdom", "Ersättare", 1, 3),
                new RiskRemoved("plan-k", "sco", "r1"),
                new PlanRevisionStarted("plan-k", "sco", 2, "Nytt år"),
                new PlanClosed("plan-k", "sco", LocalDate.of(2023, 1, 31), "Klar")));
        ActivityScheduled base = EventProducer.activity("act-k", "sco", "plan-k", "Träff", LocalDate.of(2022, 2, 15));
        List<PlannedOccurrence> monthly = List.of(new PlannedOccurrence("2022-02", LocalDate.of(2022, 2, 15)),
                new PlannedOccurrence("2022-03", LocalDate.of(2022, 3, 15)));
        List<EventEnvelope> activity = sequenced("act-k", List.of(
                new ActivityScheduled("act-k", "sco", "plan-k", "Träff", null, base.kind(), List.of(), "Möte", List.of(), null, null,
                        new java.math.BigDecimal("1200.50"), null, base.schedule(), monthly),
                new ActivityDetailsChanged("act-k", "sco", "plan-k", "Nätverksträff", null, ActivityKind.PLANNING, List.of(), null,
                        List.of(), null, null, new java.math.BigDecimal("900"), null),
                new ActivityOccurrenceMoved("act-k", "sco", "plan-k", "2022-02", LocalDate.of(2022, 2, 15), LocalDate.of(2022, 2, 22), "m1"),
                new ActivityOccurrenceCancelled("act-k", "sco", "plan-k", "2022-03", "Ingen lokal")));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            records.add(record("plans", 0, i, plan.get(i)));
        }
        for (int i = 0; i < activity.size(); i++) {
            records.add(record("activities", 0, i, activity.get(i)));
        }
        feed(records);

        assertThat(jdbc.queryForMap("SELECT period_start, period_end, owner_id, status FROM plan_overview WHERE plan_id = 'plan-k'"))
                .containsEntry("period_start", java.sql.Date.valueOf("2022-02-01"))
                .containsEntry("period_end", java.sql.Date.valueOf("2023-01-31"))
                .containsEntry("owner_id", "person-2").containsEntry("status", "CLOSED");
        assertThat(jdbc.queryForList("SELECT milestone_id || ':' || name || ':' || removed FROM milestone_state ORDER BY milestone_id",
                String.class)).containsExactly("m1:Ny webb:false", "m2:Enkät:true");
        assertThat(jdbc.queryForList("SELECT partner_association_id || ':' || access FROM plan_partner", String.class))
                .containsExactly("vkl:CONTRIBUTE");
        assertThat(jdbc.queryForList("SELECT risk_id || ':' || mitigation || ':' || likelihood FROM plan_risk", String.class))
                .containsExactly("r2:Ersättare:1");
        assertThat(jdbc.queryForMap("SELECT title, kind, channel, budget_sek FROM activity_detail WHERE activity_id = 'act-k'"))
                .containsEntry("title", "Nätverksträff").containsEntry("kind", "PLANNING").containsEntry("channel", null)
                .containsEntry("budget_sek", new java.math.BigDecimal("900.00"));
        assertThat(jdbc.queryForList("SELECT occurrence_id || ':' || due_date || ':' || status FROM activity_occurrence "
                + "WHERE activity_id = 'act-k' ORDER BY occurrence_id", String.class))
                .containsExactly("2022-02:2022-02-22:PLANNED", "2022-03:2022-03-15:CANCELLED");
    }

    private static List<EventEnvelope> sequenced(String aggregateId, List<?> events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventProducer.envelope((se.samplan.events.SamplanEvent) events.get(i), aggregateId, i,
                    Instant.parse("2022-01-10T09:00:00Z").plusSeconds(60L * i)));
        }
        return envelopes;
    }

    /** Every projection table and the positions, in a fixed order. */
    private List<Map<String, Object>> everything() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : List.of("plan_overview ORDER BY plan_id",
                "milestone_state ORDER BY plan_id, milestone_id", "milestone_move ORDER BY event_id",
                "activity_detail ORDER BY activity_id", "activity_occurrence ORDER BY activity_id, occurrence_id",
                "plan_risk ORDER BY plan_id, risk_id", "consumer_position ORDER BY topic, partition",
                "aggregate_position ORDER BY aggregate_id")) {
            rows.addAll(jdbc.queryForList("SELECT * FROM " + table));
        }
        return rows;
    }

    /** One poll's records, as the batch listener gets them. */
    private void feed(List<ConsumerRecord<String, byte[]>> records) {
        intake.on(records);
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT plan_id AS id, association_id, title, period_start, period_end, status FROM plan_overview ORDER BY plan_id"));
        rows.addAll(jdbc.queryForList(
                "SELECT activity_id AS id, association_id, plan_id, title, kind, budget_sek FROM activity_detail ORDER BY activity_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM activity_occurrence ORDER BY activity_id, occurrence_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM plan_partner ORDER BY plan_id, partner_association_id"));
        return rows;
    }

    private static String topic(String name) {
        return "test-" + name;
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, EventEnvelope envelope) {
        return new ConsumerRecord<>(topic(topic), partition, offset, envelope.aggregateId(), EventJson.write(envelope));
    }
}
