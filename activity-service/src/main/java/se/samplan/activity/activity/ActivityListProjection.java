package se.samplan.activity.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.activity.ActivityEvent;
import se.samplan.events.activity.Responsible;

import java.sql.Date;

/**
 * The activity list and its occurrences, for filtered lists and the reminder sweep. Each event
 * refolds its activity from the event store and replaces its rows: idempotent, so a replay or a
 * redelivery leaves the same rows.
 */
@Component
@ProcessingGroup("activity-list")
class ActivityListProjection {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ActivityListProjection(EventStore eventStore, JdbcTemplate jdbc, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(ActivityEvent event) throws JsonProcessingException {
        ActivityView view = ActivityView.from(eventStore.readEvents(event.activityId()).asStream());
        if (view == null) {
            return;
        }
        jdbc.update("""
                        INSERT INTO activity_row (activity_id, association_id, plan_id, title, kind, target_groups,
                                                  responsible, schedule_kind, milestone_id, budget_sek, view)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (activity_id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
                            target_groups = EXCLUDED.target_groups, responsible = EXCLUDED.responsible,
                            schedule_kind = EXCLUDED.schedule_kind, milestone_id = EXCLUDED.milestone_id,
                            budget_sek = EXCLUDED.budget_sek, view = EXCLUDED.view""",
                view.activityId(), view.associationId(), view.planId(), view.title(), view.kind().name(),
                view.targetGroups().toArray(String[]::new),
                view.responsible().stream().map(Responsible::ref).toArray(String[]::new),
                view.schedule().kind().name(), view.schedule().milestoneId(), view.budgetSek(),
                mapper.writeValueAsString(view));
        jdbc.update("DELETE FROM occurrence_row WHERE activity_id = ?", view.activityId());
        for (ActivityDocument.Occurrence o : view.occurrences()) {
            jdbc.update("""
                            INSERT INTO occurrence_row (activity_id, occurrence_id, association_id, due_date, status,
                                                        due_soon_for, overdue_for)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    view.activityId(), o.occurrenceId(), view.associationId(), date(o.dueDate()), o.status().name(),
                    date(o.dueSoonFor()), date(o.overdueFor()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM activity_row");
    }

    private static Date date(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
