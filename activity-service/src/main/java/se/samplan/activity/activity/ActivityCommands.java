package se.samplan.activity.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.samplan.events.activity.ActivitySchedule;

import java.time.LocalDate;

/**
 * Every command of the Activity aggregate. A person's change names the version it read; the
 * platform's own (milestone moves, reminders) act on the current state.
 */
interface ActivityCommands {

    /** Puts an activity on a plan's activity plan. */
    record ScheduleActivity(String activityId, String associationId, String planId, ActivityDocument.Details details,
                            ActivitySchedule schedule, LocalDate milestoneDate, LocalDate horizon) { }

    record ChangeActivityDetails(@TargetAggregateIdentifier String activityId,
                                 @TargetAggregateVersion Long expectedVersion, ActivityDocument.Details details) { }

    record RescheduleActivity(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion,
                              ActivitySchedule schedule, LocalDate milestoneDate, LocalDate horizon) { }

    record StartOccurrence(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion,
                           String occurrenceId) { }

    record CompleteOccurrence(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion,
                              String occurrenceId, LocalDate doneOn, String outcome, java.math.BigDecimal costSek) { }

    record PostponeOccurrence(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion,
                              String occurrenceId, LocalDate newDate, String reason) { }

    record CancelOccurrence(@TargetAggregateIdentifier String activityId, @TargetAggregateVersion Long expectedVersion,
                            String occurrenceId, String reason) { }

    /** The milestone an activity is scheduled relative to now falls on {@code milestoneDate} (null: unknown). */
    record FollowMilestone(@TargetAggregateIdentifier String activityId, String milestoneId, LocalDate milestoneDate) { }

    /** Emits ActivityDueSoon for the occurrence if it is due within {@code leadDays} of {@code today} and not yet reminded. */
    record RemindDueSoon(@TargetAggregateIdentifier String activityId, String occurrenceId, LocalDate today, int leadDays) { }

    /** Emits ActivityOverdue for the occurrence if it is open past its due date and not yet reported. */
    record ReportOverdue(@TargetAggregateIdentifier String activityId, String occurrenceId, LocalDate today) { }
}
