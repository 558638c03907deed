package se.samplan.activity.activity;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.activity.TransitionRejected;
import se.samplan.activity.activity.ActivityCommands.*;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.activity.web.Caller;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.Responsible;
import se.samplan.events.activity.ScheduleKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts many activities on a plan at once with the commands the API uses, so every rule of the
 * aggregate applies. Each activity is its own aggregate, so all the commands run in one database
 * transaction that every command's unit of work joins: a failure in any row stores none of them,
 * and the publisher (which reads only committed events) never sees a part of the import.
 */
@Component
public class ActivityImport {

    /** Where each occurrence of an imported activity stands. */
    public enum Progress { PLANNED, IN_PROGRESS, DONE, CANCELLED }

    /** One activity as an import gives it; {@code row} names its row for problems. */
    public record Row(String row, String title, String description, ActivityKind kind, List<String> targetGroups,
                      String channel, List<Responsible> responsible, String need, String how, BigDecimal budgetSek,
                      String comment, ActivitySchedule schedule, Progress progress, LocalDate doneOn) {

        ActivityDocument.Details details() {
            return new ActivityDocument.Details(title, description, kind, targetGroups, channel, responsible, need, how,
                    budgetSek, comment);
        }
    }

    /** The aggregate refused a row: {@code row} names it, {@code field} its field. */
    public static final class Refused extends DomainRuleViolated {
        private final String row;
        private final String rowField;

        Refused(String row, String rowField, String message) {
            super("rows[" + row + "]." + rowField, message);
            this.row = row;
            this.rowField = rowField;
        }

        public String row() {
            return row;
        }

        public String rowField() {
            return rowField;
        }
    }

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final PlanReferences plans;

    ActivityImport(CommandGateway commands, TransactionTemplate transaction, PlanReferences plans) {
        this.commands = commands;
        this.transaction = transaction;
        this.plans = plans;
    }

    /** Checks a row by the aggregate's rules without storing anything; throws {@link Refused}. */
    public void check(String planId, Row row) {
        try {
            Activity.checked(row.details());
            Schedules.occurrences(row.schedule(), milestoneDate(planId, row.schedule()), horizon(planId));
            if (row.progress() == Progress.DONE && row.doneOn() == null) {
                throw new DomainRuleViolated("doneOn", "Say when it was done");
            }
        } catch (DomainRuleViolated e) {
            throw new Refused(row.row(), e.field(), e.getMessage());
        }
    }

    /** Schedules every row on the plan for the caller's association, all or none; returns the activities' ids. */
    public List<String> scheduleAll(Caller caller, String planId, List<Row> rows) {
        MetaData metaData = MetaData.from(Map.of("tenantId", caller.associationId(), "actor", caller.userId()));
        LocalDate horizon = horizon(planId);
        return transaction.execute(status -> {
            List<String> ids = new ArrayList<>();
            for (Row row : rows) {
                String activityId = UUID.randomUUID().toString();
                LocalDate milestoneDate = milestoneDate(planId, row.schedule());
                send(row, metaData, new ScheduleActivity(activityId, caller.associationId(), planId, row.details(),
                        row.schedule(), milestoneDate, horizon));
                if (row.progress() != Progress.PLANNED) {
                    for (PlannedOccurrence occurrence : Schedules.occurrences(row.schedule(), milestoneDate, horizon)) {
                        send(row, metaData, progress(activityId, occurrence.occurrenceId(), row));
                    }
                }
                ids.add(activityId);
            }
            return ids;
        });
    }

    private static Object progress(String activityId, String occurrenceId, Row row) {
        return switch (row.progress()) {
            case IN_PROGRESS -> new StartOccurrence(activityId, null, occurrenceId);
            case DONE -> new CompleteOccurrence(activityId, null, occurrenceId, row.doneOn(), null, null);
            case CANCELLED -> new CancelOccurrence(activityId, null, occurrenceId, "Inställd enligt importen");
            case PLANNED -> throw new IllegalArgumentException("A planned occurrence needs no command");
        };
    }

    private void send(Row row, MetaData metaData, Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (DomainRuleViolated e) {
            throw new Refused(row.row(), e.field(), e.getMessage());
        } catch (TransitionRejected e) {
            throw new Refused(row.row(), "status", e.getMessage());
        }
    }

    private LocalDate horizon(String planId) {
        return plans.plan(planId).map(PlanReferences.PlanRef::periodEnd).orElse(null);
    }

    private LocalDate milestoneDate(String planId, ActivitySchedule schedule) {
        return schedule != null && schedule.kind() == ScheduleKind.MILESTONE && schedule.milestoneId() != null
                ? plans.milestoneDate(planId, schedule.milestoneId()).orElse(null) : null;
    }
}
