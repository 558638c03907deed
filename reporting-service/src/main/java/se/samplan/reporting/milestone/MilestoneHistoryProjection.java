package se.samplan.reporting.milestone;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.reporting.intake.Projection;

import java.util.List;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The milestone table of status reports and the history of every move: each forecast, target and
 * status change with its date, reason and the slip (forecast against target) after it.
 */
@Component
class MilestoneHistoryProjection implements Projection {

    private final JdbcTemplate jdbc;

    MilestoneHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("milestone_state", "milestone_move");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event) {
        if (event instanceof MilestoneAdded e) {
            jdbc.update("""
                    INSERT INTO milestone_state (plan_id, milestone_id, association_id, name, target_date, forecast_date, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, milestone_id) DO NOTHING""",
                    e.planId(), e.milestoneId(), e.associationId(), e.name(), date(e.targetDate()), date(e.forecastDate()),
                    e.status().name());
            move(envelope, e.planId(), e.milestoneId(), e.associationId(), "ADDED", null, e.forecastDate(), null,
                    e.status().name(), null, slip(e.forecastDate(), e.targetDate()));
        } else if (event instanceof MilestoneRenamed e) {
            jdbc.update("UPDATE milestone_state SET name = ? WHERE plan_id = ? AND milestone_id = ?", e.name(), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneForecastChanged e) {
            jdbc.update("UPDATE milestone_state SET forecast_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
            move(envelope, e.planId(), e.milestoneId(), e.associationId(), "FORECAST", e.previousDate(), e.newDate(), null, null,
                    e.reason(), slip(e.newDate(), target(e.planId(), e.milestoneId())));
        } else if (event instanceof MilestoneTargetDateChanged e) {
            jdbc.update("UPDATE milestone_state SET target_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
            move(envelope, e.planId(), e.milestoneId(), e.associationId(), "TARGET", e.previousDate(), e.newDate(), null, null,
                    e.reason(), slip(forecast(e.planId(), e.milestoneId()), e.newDate()));
        } else if (event instanceof MilestoneStatusChanged e) {
            jdbc.update("UPDATE milestone_state SET status = ? WHERE plan_id = ? AND milestone_id = ?",
                    e.newStatus().name(), e.planId(), e.milestoneId());
            move(envelope, e.planId(), e.milestoneId(), e.associationId(), "STATUS", null, null, e.previousStatus().name(),
                    e.newStatus().name(), e.reason(), slip(forecast(e.planId(), e.milestoneId()), target(e.planId(), e.milestoneId())));
        } else if (event instanceof MilestoneRemoved e) {
            jdbc.update("UPDATE milestone_state SET removed = true WHERE plan_id = ? AND milestone_id = ?", e.planId(), e.milestoneId());
        }
    }

    private void move(EventEnvelope envelope, String planId, String milestoneId, String associationId, String kind,
                      LocalDate previous, LocalDate next, String previousStatus, String newStatus, String reason, Integer slip) {
        jdbc.update("""
                        INSERT INTO milestone_move (event_id, plan_id, milestone_id, association_id, occurred_at, kind, previous_date,
                                                    new_date, previous_status, new_status, reason, slip_days)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                envelope.eventId(), planId, milestoneId, associationId, Timestamp.from(envelope.occurredAt()), kind, date(previous),
                date(next), previousStatus, newStatus, reason, slip);
    }

    private LocalDate target(String planId, String milestoneId) {
        return stored("target_date", planId, milestoneId);
    }

    private LocalDate forecast(String planId, String milestoneId) {
        return stored("forecast_date", planId, milestoneId);
    }

    /** A date column of the milestone as it stands (the column name is one of ours, never input). */
    private LocalDate stored(String column, String planId, String milestoneId) {
        return jdbc.query("SELECT " + column + " FROM milestone_state WHERE plan_id = ? AND milestone_id = ?",
                (rs, row) -> local(rs.getDate(1)), planId, milestoneId).stream().findFirst().orElse(null);
    }

    private static Integer slip(LocalDate forecast, LocalDate target) {
        return forecast == null || target == null ? null : (int) ChronoUnit.DAYS.between(target, forecast);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
