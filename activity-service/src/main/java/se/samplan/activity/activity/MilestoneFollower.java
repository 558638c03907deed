package se.samplan.activity.activity;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.MilestoneEvent;
import se.samplan.events.plan.PlanEvent;

import java.util.List;
import se.samplan.activity.activity.ActivityCommands.FollowMilestone;
import java.util.Map;
import java.util.Optional;

/**
 * Reads plan-service's events: keeps {@link PlanReferences} current, and when a milestone's date
 * moves, moves the activities scheduled relative to it. Both happen in one database transaction
 * (Axon joins it), so a plan event is recorded as applied only with the moves it caused; an older
 * event read again is skipped by the plan's sequence.
 */
@Component
class MilestoneFollower {

    private final PlanReferences plans;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventCatalog catalog = EventCatalog.standard();

    MilestoneFollower(PlanReferences plans, CommandGateway commands, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.plans = plans;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @KafkaListener(id = "${samplan.plans.consumer-group:activity-service}", topics = "${samplan.plans.topic:samplan.plans.v1}",
            autoStartup = "${samplan.plans.auto-startup:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventJson.read(record.value());
        Optional<SamplanEvent> decoded = catalog.decode(envelope);
        if (decoded.isEmpty() || !(decoded.get() instanceof PlanEvent event) || !plans.isNew(envelope)) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            plans.apply(envelope, event);
            if (event instanceof MilestoneEvent milestone) {
                follow(event.planId(), milestone.milestoneId());
            }
        });
    }

    /**
     * Sends every activity anchored to the milestone its current date: only the plan's own
     * association's, since an activity scheduled before this service knew the plan may name
     * another association's plan and must not learn its dates.
     */
    void follow(String planId, String milestoneId) {
        java.time.LocalDate date = plans.milestoneDate(planId, milestoneId).orElse(null);
        List<String> anchored = jdbc.queryForList("""
                SELECT activity_id FROM activity_row WHERE plan_id = ? AND milestone_id = ?
                   AND association_id = (SELECT association_id FROM plan_reference WHERE plan_id = ?)""",
                String.class, planId, milestoneId, planId);
        for (String activityId : anchored) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new FollowMilestone(activityId, milestoneId, date))
                    .andMetaData(MetaData.from(Map.of("actor", "system"))));
        }
    }
}
