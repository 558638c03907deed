package se.samplan.notification.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
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
import se.samplan.events.activity.Responsible;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanRetitled;
import se.samplan.notification.intake.EventReaction;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps what reminders, digests and calendar feeds need to know of plans, milestones, activities
 * and their occurrences, from the events (in the intake's transaction, once per event).
 */
@Component
class ActivityDirectory implements EventReaction {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ActivityDirectory(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event) {
        if (event instanceof PlanCreated e) {
            jdbc.update("INSERT INTO plan_info (plan_id, association_id, title) VALUES (?, ?, ?) ON CONFLICT (plan_id) DO NOTHING",
                    e.planId(), e.associationId(), e.title());
        } else if (event instanceof PlanRetitled e) {
            jdbc.update("UPDATE plan_info SET title = ? WHERE plan_id = ?", e.title(), e.planId());
        } else if (event instanceof MilestoneAdded e) {
            jdbc.update("""
                    INSERT INTO milestone_info (plan_id, milestone_id, name, target_date, forecast_date) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (plan_id, milestone_id) DO NOTHING""",
                    e.planId(), e.milestoneId(), e.name(), date(e.targetDate()), date(e.forecastDate()));
        } else if (event instanceof MilestoneRenamed e) {
            jdbc.update("UPDATE milestone_info SET name = ? WHERE plan_id = ? AND milestone_id = ?", e.name(), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneTargetDateChanged e) {
            jdbc.update("UPDATE milestone_info SET target_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneForecastChanged e) {
            jdbc.update("UPDATE milestone_info SET forecast_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneRemoved e) {
            jdbc.update("DELETE FROM milestone_info WHERE plan_id = ? AND milestone_id = ?", e.planId(), e.milestoneId());
        } else if (event instanceof ActivityScheduled e) {
            jdbc.update("""
                    INSERT INTO activity_info (activity_id, association_id, plan_id, title, responsible) VALUES (?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (activity_id) DO NOTHING""",
                    e.activityId(), e.associationId(), e.planId(), e.title(), json(e.responsible()));
            plan(e.activityId(), e.occurrences());
        } else if (event instanceof ActivityDetailsChanged e) {
            jdbc.update("UPDATE activity_info SET title = ?, responsible = ?::jsonb WHERE activity_id = ?",
                    e.title(), json(e.responsible()), e.activityId());
        } else if (event instanceof ActivityRescheduled e) {
            jdbc.update("DELETE FROM occurrence_info WHERE activity_id = ? AND status <> 'DONE'", e.activityId());
            plan(e.activityId(), e.occurrences());
        } else if (event instanceof ActivityOccurrenceStarted e) {
            status(e.activityId(), e.occurrenceId(), "IN_PROGRESS");
        } else if (event instanceof ActivityOccurrenceCompleted e) {
            status(e.activityId(), e.occurrenceId(), "DONE");
        } else if (event instanceof ActivityOccurrenceCancelled e) {
            status(e.activityId(), e.occurrenceId(), "CANCELLED");
        } else if (event instanceof ActivityOccurrencePostponed e) {
            jdbc.update("UPDATE occurrence_info SET status = 'POSTPONED', due_date = ? WHERE activity_id = ? AND occurrence_id = ?",
                    date(e.newDate()), e.activityId(), e.occurrenceId());
        } else if (event instanceof ActivityOccurrenceMoved e) {
            jdbc.update("UPDATE occurrence_info SET due_date = ? WHERE activity_id = ? AND occurrence_id = ?",
                    date(e.newDate()), e.activityId(), e.occurrenceId());
        }
    }

    private void plan(String activityId, List<PlannedOccurrence> occurrences) {
        for (PlannedOccurrence o : occurrences) {
            jdbc.update("""
                    INSERT INTO occurrence_info (activity_id, occurrence_id, due_date, status) VALUES (?, ?, ?, 'PLANNED')
                    ON CONFLICT (activity_id, occurrence_id) DO NOTHING""", activityId, o.occurrenceId(), date(o.dueDate()));
        }
    }

    private void status(String activityId, String occurrenceId, String status) {
        jdbc.update("UPDATE occurrence_info SET status = ? WHERE activity_id = ? AND occurrence_id = ?", status, activityId, occurrenceId);
    }

    private String json(List<Responsible> responsible) {
        try {
            return mapper.writeValueAsString(responsible);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
