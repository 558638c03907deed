package se.samplan.reporting.activity;

import org.springframework.stereotype.Component;
import se.samplan.events.EventHeader;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every activity and each of its occurrences with status, done date, outcome and cost: the source of
 * a report's results and planned actions, of overdue counts and of the statistics per period.
 */
@Component
class ActivityProjection implements Projection {

    /**
     * A new activity's rows, with no ON CONFLICT: its first event is applied once (the intake drops a
     * redelivery by its sequence), and a conflict check per row would cost PostgreSQL a second index probe.
     */
    private static final String ADD = """
            INSERT INTO activity_detail (activity_id, association_id, plan_id, title, kind, channel, budget_sek)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::text[], ?::numeric[])""";
    private static final String FIRST_SCHEDULE = """
            INSERT INTO activity_occurrence (activity_id, occurrence_id, association_id, plan_id, due_date, status)
            SELECT activity_id, occurrence_id, association_id, plan_id, due_date, 'PLANNED'
              FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[])
                   AS r(activity_id, occurrence_id, association_id, plan_id, due_date)""";
    private static final String CHANGE_DETAILS = """
            UPDATE activity_detail d SET title = r.title, kind = r.kind, channel = r.channel, budget_sek = r.budget_sek
              FROM unnest(?::text[], ?::varchar[], ?::text[], ?::numeric[], ?::varchar[]) AS r(title, kind, channel, budget_sek, activity_id)
             WHERE d.activity_id = r.activity_id""";
    private static final String UNSCHEDULE = """
            UPDATE activity_occurrence o SET scheduled = false
              FROM unnest(?::varchar[]) AS r(activity_id)
             WHERE o.activity_id = r.activity_id""";
    private static final String SCHEDULE = """
            INSERT INTO activity_occurrence (activity_id, occurrence_id, association_id, plan_id, due_date, status)
            SELECT activity_id, occurrence_id, association_id, plan_id, due_date, 'PLANNED'
              FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[])
                   AS r(activity_id, occurrence_id, association_id, plan_id, due_date)
            ON CONFLICT (activity_id, occurrence_id) DO UPDATE SET due_date = EXCLUDED.due_date, scheduled = true""";
    private static final String CHANGE_STATUS = """
            UPDATE activity_occurrence o SET status = r.status
              FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS r(status, activity_id, occurrence_id)
             WHERE o.activity_id = r.activity_id AND o.occurrence_id = r.occurrence_id""";
    private static final String COMPLETE = """
            UPDATE activity_occurrence o SET status = 'DONE', done_on = r.done_on, outcome = r.outcome, cost_sek = r.cost_sek
              FROM unnest(?::date[], ?::text[], ?::numeric[], ?::varchar[], ?::varchar[])
                   AS r(done_on, outcome, cost_sek, activity_id, occurrence_id)
             WHERE o.activity_id = r.activity_id AND o.occurrence_id = r.occurrence_id""";
    private static final String POSTPONE = """
            UPDATE activity_occurrence o SET status = 'POSTPONED', due_date = r.due_date
              FROM unnest(?::date[], ?::varchar[], ?::varchar[]) AS r(due_date, activity_id, occurrence_id)
             WHERE o.activity_id = r.activity_id AND o.occurrence_id = r.occurrence_id""";
    private static final String MOVE = """
            UPDATE activity_occurrence o SET due_date = r.due_date
              FROM unnest(?::date[], ?::varchar[], ?::varchar[]) AS r(due_date, activity_id, occurrence_id)
             WHERE o.activity_id = r.activity_id AND o.occurrence_id = r.occurrence_id""";

    @Override
    public List<String> tables() {
        return List.of("activity_detail", "activity_occurrence");
    }

    @Override
    public void apply(EventHeader header, SamplanEvent event, Writes writes) {
        if (event instanceof ActivityScheduled e) {
            writes.row(ADD, e.activityId(), e.associationId(), e.planId(), e.title(), e.kind(), e.channel(), e.budgetSek());
            // A new activity has no occurrences to unschedule or keep.
            schedule(writes, FIRST_SCHEDULE, e.activityId(), e.associationId(), e.planId(), e.occurrences());
        } else if (event instanceof ActivityDetailsChanged e) {
            writes.row(CHANGE_DETAILS, e.title(), e.kind(), e.channel(), e.budgetSek(), e.activityId());
        } else if (event instanceof ActivityRescheduled e) {
            writes.row(UNSCHEDULE, e.activityId());
            schedule(writes, SCHEDULE, e.activityId(), e.associationId(), e.planId(), e.occurrences());
        } else if (event instanceof ActivityOccurrenceStarted e) {
            writes.row(CHANGE_STATUS, "IN_PROGRESS", e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceCompleted e) {
            writes.row(COMPLETE, e.doneOn(), e.outcome(), e.costSek(), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrencePostponed e) {
            writes.row(POSTPONE, e.newDate(), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceMoved e) {
            writes.row(MOVE, e.newDate(), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceCancelled e) {
            writes.row(CHANGE_STATUS, "CANCELLED", e.activityId(), e.occurrenceId());
        }
    }

    /**
     * The occurrences a schedule gives, in one step: new ones are planned, kept ones keep their status
     * and take the new due date; ones the schedule no longer gives (unscheduled before) leave the
     * counts but stay on record. An occurrence named twice counts once, with its last date.
     */
    private static void schedule(Writes writes, String statement, String activityId, String associationId, String planId, List<PlannedOccurrence> occurrences) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (PlannedOccurrence occurrence : occurrences) {
            rows.put(occurrence.occurrenceId(), new Object[]{activityId, occurrence.occurrenceId(), associationId, planId, occurrence.dueDate()});
        }
        writes.rows(statement, List.copyOf(rows.values()));
    }
}
