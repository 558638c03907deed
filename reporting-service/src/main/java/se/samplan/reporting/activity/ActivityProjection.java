package se.samplan.reporting.activity;

import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityDetailsChanged;
import se.samplan.events.activity.ActivityOccurrenceCancelled;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivityOccurrenceMoved;
import se.samplan.events.activity.ActivityOccurrencePostponed;
import se.samplan.events.activity.ActivityOccurrenceStarted;
import se.samplan.events.activity.ActivityRescheduled;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.reporting.intake.Projection;
import se.samplan.reporting.intake.Writes;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Every activity and each of its occurrences with status, done date, outcome and cost: the source of
 * a report's results and planned actions, of overdue counts and of the statistics per period.
 */
@Component
class ActivityProjection implements Projection {

    @Override
    public List<String> tables() {
        return List.of("activity_detail", "activity_occurrence");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event, Writes writes) {
        if (event instanceof ActivityScheduled e) {
            writes.update("""
                    INSERT INTO activity_detail (activity_id, association_id, plan_id, title, kind, channel, budget_sek)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id) DO NOTHING""",
                    e.activityId(), e.associationId(), e.planId(), e.title(), e.kind().name(), e.channel(), e.budgetSek());
            schedule(writes, e.activityId(), e.associationId(), e.planId(), e.occurrences());
        } else if (event instanceof ActivityDetailsChanged e) {
            writes.update("UPDATE activity_detail SET title = ?, kind = ?, channel = ?, budget_sek = ? WHERE activity_id = ?",
                    e.title(), e.kind().name(), e.channel(), e.budgetSek(), e.activityId());
        } else if (event instanceof ActivityRescheduled e) {
            schedule(writes, e.activityId(), e.associationId(), e.planId(), e.occurrences());
        } else if (event instanceof ActivityOccurrenceStarted e) {
            status(writes, e.activityId(), e.occurrenceId(), "IN_PROGRESS");
        } else if (event instanceof ActivityOccurrenceCompleted e) {
            writes.update("""
                    UPDATE activity_occurrence SET status = 'DONE', done_on = ?, outcome = ?, cost_sek = ?
                     WHERE activity_id = ? AND occurrence_id = ?""",
                    Date.valueOf(e.doneOn()), e.outcome(), e.costSek(), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrencePostponed e) {
            writes.update("UPDATE activity_occurrence SET status = 'POSTPONED', due_date = ? WHERE activity_id = ? AND occurrence_id = ?",
                    date(e.newDate()), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceMoved e) {
            writes.update("UPDATE activity_occurrence SET due_date = ? WHERE activity_id = ? AND occurrence_id = ?",
                    date(e.newDate()), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceCancelled e) {
            status(writes, e.activityId(), e.occurrenceId(), "CANCELLED");
        }
    }

    /**
     * The occurrences a schedule gives: new ones are planned, kept ones keep their status and take
     * the new due date, and ones the schedule no longer gives leave the counts (they stay on record).
     */
    private static void schedule(Writes writes, String activityId, String associationId, String planId, List<PlannedOccurrence> occurrences) {
        writes.update("UPDATE activity_occurrence SET scheduled = false WHERE activity_id = ?", activityId);
        for (PlannedOccurrence occurrence : occurrences) {
            writes.update("""
                    INSERT INTO activity_occurrence (activity_id, occurrence_id, association_id, plan_id, due_date, status)
                    VALUES (?, ?, ?, ?, ?, 'PLANNED')
                    ON CONFLICT (activity_id, occurrence_id) DO UPDATE SET due_date = EXCLUDED.due_date, scheduled = true""",
                    activityId, occurrence.occurrenceId(), associationId, planId, date(occurrence.dueDate()));
        }
    }

    private static void status(Writes writes, String activityId, String occurrenceId, String status) {
        writes.update("UPDATE activity_occurrence SET status = ? WHERE activity_id = ? AND occurrence_id = ?",
                status, activityId, occurrenceId);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
