package se.samplan.reporting.milestone;

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
import se.samplan.reporting.intake.Writes;

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

    /** The slip after a move, read from the milestone as the earlier events left it: forecast minus target, in days. */
    private static final String SLIP_FROM_NEW_FORECAST =
            "(SELECT ?::date - target_date FROM milestone_state WHERE plan_id = ? AND milestone_id = ?)";
    private static final String SLIP_FROM_NEW_TARGET =
            "(SELECT forecast_date - ?::date FROM milestone_state WHERE plan_id = ? AND milestone_id = ?)";
    private static final String SLIP_AS_STORED =
            "(SELECT forecast_date - target_date FROM milestone_state WHERE plan_id = ? AND milestone_id = ?)";

    @Override
    public List<String> tables() {
        return List.of("milestone_state", "milestone_move");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event, Writes writes) {
        if (event instanceof MilestoneAdded e) {
            writes.update("""
                    INSERT INTO milestone_state (plan_id, milestone_id, association_id, name, target_date, forecast_date, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, milestone_id) DO NOTHING""",
                    e.planId(), e.milestoneId(), e.associationId(), e.name(), date(e.targetDate()), date(e.forecastDate()),
                    e.status().name());
            Integer slip = e.forecastDate() == null || e.targetDate() == null ? null
                    : (int) ChronoUnit.DAYS.between(e.targetDate(), e.forecastDate());
            move(writes, envelope, e.planId(), e.milestoneId(), e.associationId(), "ADDED", null, e.forecastDate(), null,
                    e.status().name(), null, "?::integer", slip);
        } else if (event instanceof MilestoneRenamed e) {
            writes.update("UPDATE milestone_state SET name = ? WHERE plan_id = ? AND milestone_id = ?", e.name(), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneForecastChanged e) {
            writes.update("UPDATE milestone_state SET forecast_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
            move(writes, envelope, e.planId(), e.milestoneId(), e.associationId(), "FORECAST", e.previousDate(), e.newDate(), null, null,
                    e.reason(), SLIP_FROM_NEW_FORECAST, date(e.newDate()), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneTargetDateChanged e) {
            writes.update("UPDATE milestone_state SET target_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(e.newDate()), e.planId(), e.milestoneId());
            move(writes, envelope, e.planId(), e.milestoneId(), e.associationId(), "TARGET", e.previousDate(), e.newDate(), null, null,
                    e.reason(), SLIP_FROM_NEW_TARGET, date(e.newDate()), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneStatusChanged e) {
            writes.update("UPDATE milestone_state SET status = ? WHERE plan_id = ? AND milestone_id = ?",
                    e.newStatus().name(), e.planId(), e.milestoneId());
            move(writes, envelope, e.planId(), e.milestoneId(), e.associationId(), "STATUS", null, null, e.previousStatus().name(),
                    e.newStatus().name(), e.reason(), SLIP_AS_STORED, e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneRemoved e) {
            writes.update("UPDATE milestone_state SET removed = true WHERE plan_id = ? AND milestone_id = ?", e.planId(), e.milestoneId());
        }
    }

    /**
     * One row of the history. The slip is an SQL expression run with the statement, not read before it:
     * the statements of a poll run together at its end, after the earlier events' changes to the milestone.
     */
    private static void move(Writes writes, EventEnvelope envelope, String planId, String milestoneId, String associationId,
                             String kind, LocalDate previous, LocalDate next, String previousStatus, String newStatus, String reason,
                             String slip, Object... slipArgs) {
        Object[] args = new Object[11 + slipArgs.length];
        Object[] fixed = {envelope.eventId(), planId, milestoneId, associationId, Timestamp.from(envelope.occurredAt()), kind,
                date(previous), date(next), previousStatus, newStatus, reason};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(slipArgs, 0, args, fixed.length, slipArgs.length);
        writes.update("""
                        INSERT INTO milestone_move (event_id, plan_id, milestone_id, association_id, occurred_at, kind, previous_date,
                                                    new_date, previous_status, new_status, reason, slip_days)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s) ON CONFLICT (event_id) DO NOTHING""".formatted(slip), args);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
