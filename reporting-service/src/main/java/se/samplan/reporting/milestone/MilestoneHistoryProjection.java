package se.samplan.reporting.milestone;

import org.springframework.stereotype.Component;
import se.samplan.events.EventHeader;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.reporting.intake.Projection;
import se.samplan.reporting.intake.Writes;

import java.time.LocalDate;
import java.util.List;
import java.time.temporal.ChronoUnit;

/**
 * The milestone table of status reports and the history of every move: each forecast, target and
 * status change with its date, reason and the slip (forecast against target) after it.
 */
@Component
class MilestoneHistoryProjection implements Projection {

    private static final String ADD = """
            INSERT INTO milestone_state (plan_id, milestone_id, association_id, name, target_date, forecast_date, status)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::date[], ?::date[], ?::varchar[])
            ON CONFLICT (plan_id, milestone_id) DO NOTHING""";
    private static final String RENAME = setColumn("name", "text");
    private static final String FORECAST = setColumn("forecast_date", "date");
    private static final String TARGET = setColumn("target_date", "date");
    private static final String STATUS = setColumn("status", "varchar");
    private static final String REMOVE = """
            UPDATE milestone_state m SET removed = true
              FROM unnest(?::varchar[], ?::varchar[]) AS r(plan_id, milestone_id)
             WHERE m.plan_id = r.plan_id AND m.milestone_id = r.milestone_id""";

    /**
     * One row of the history per move. The slip after it (forecast minus target, in days) is an SQL
     * expression read from the milestone as the earlier steps left it: a poll's statements run
     * together at its end, after those steps.
     */
    private static final String MOVE = """
            INSERT INTO milestone_move (event_id, plan_id, milestone_id, association_id, occurred_at, kind, previous_date,
                                        new_date, previous_status, new_status, reason, slip_days)
            SELECT r.event_id, r.plan_id, r.milestone_id, r.association_id, r.occurred_at, r.kind, r.previous_date,
                   r.new_date, r.previous_status, r.new_status, r.reason, %s
              FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[], ?::date[],
                          ?::date[], ?::varchar[], ?::varchar[], ?::text[], ?::integer[])
                   AS r(event_id, plan_id, milestone_id, association_id, occurred_at, kind, previous_date,
                        new_date, previous_status, new_status, reason, slip)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String MILESTONE = "FROM milestone_state s WHERE s.plan_id = r.plan_id AND s.milestone_id = r.milestone_id)";
    private static final String MOVE_ADDED = MOVE.formatted("r.slip");
    private static final String MOVE_FORECAST = MOVE.formatted("(SELECT r.new_date - s.target_date " + MILESTONE);
    private static final String MOVE_TARGET = MOVE.formatted("(SELECT s.forecast_date - r.new_date " + MILESTONE);
    private static final String MOVE_STATUS = MOVE.formatted("(SELECT s.forecast_date - s.target_date " + MILESTONE);

    @Override
    public List<String> tables() {
        return List.of("milestone_state", "milestone_move");
    }

    @Override
    public void apply(EventHeader header, SamplanEvent event, Writes writes) {
        if (event instanceof MilestoneAdded e) {
            writes.partRow("milestone", e.milestoneId(), ADD, e.planId(), e.milestoneId(), e.associationId(), e.name(), e.targetDate(), e.forecastDate(), e.status());
            Integer slip = e.forecastDate() == null || e.targetDate() == null ? null
                    : (int) ChronoUnit.DAYS.between(e.targetDate(), e.forecastDate());
            move(writes, MOVE_ADDED, header, e.planId(), e.milestoneId(), e.associationId(), "ADDED", null, e.forecastDate(),
                    null, e.status().name(), null, slip);
        } else if (event instanceof MilestoneRenamed e) {
            writes.partRow("milestone", e.milestoneId(), RENAME, e.name(), e.planId(), e.milestoneId());
        } else if (event instanceof MilestoneForecastChanged e) {
            writes.partRow("milestone", e.milestoneId(), FORECAST, e.newDate(), e.planId(), e.milestoneId());
            move(writes, MOVE_FORECAST, header, e.planId(), e.milestoneId(), e.associationId(), "FORECAST", e.previousDate(),
                    e.newDate(), null, null, e.reason(), null);
        } else if (event instanceof MilestoneTargetDateChanged e) {
            writes.partRow("milestone", e.milestoneId(), TARGET, e.newDate(), e.planId(), e.milestoneId());
            move(writes, MOVE_TARGET, header, e.planId(), e.milestoneId(), e.associationId(), "TARGET", e.previousDate(),
                    e.newDate(), null, null, e.reason(), null);
        } else if (event instanceof MilestoneStatusChanged e) {
            writes.partRow("milestone", e.milestoneId(), STATUS, e.newStatus(), e.planId(), e.milestoneId());
            move(writes, MOVE_STATUS, header, e.planId(), e.milestoneId(), e.associationId(), "STATUS", null, null,
                    e.previousStatus().name(), e.newStatus().name(), e.reason(), null);
        } else if (event instanceof MilestoneRemoved e) {
            writes.partRow("milestone", e.milestoneId(), REMOVE, e.planId(), e.milestoneId());
        }
    }

    /** Sets one column of milestones; its values, the plan ids and the milestone ids come as arrays. */
    private static String setColumn(String column, String type) {
        return """
                UPDATE milestone_state m SET %1$s = r.%1$s
                  FROM unnest(?::%2$s[], ?::varchar[], ?::varchar[]) AS r(%1$s, plan_id, milestone_id)
                 WHERE m.plan_id = r.plan_id AND m.milestone_id = r.milestone_id""".formatted(column, type);
    }

    private static void move(Writes writes, String statement, EventHeader header, String planId, String milestoneId,
                             String associationId, String kind, LocalDate previous, LocalDate next, String previousStatus,
                             String newStatus, String reason, Integer slip) {
        writes.partRow("milestone", milestoneId, statement, header.eventId(), planId, milestoneId, associationId, header.occurredAt(), kind, previous, next,
                previousStatus, newStatus, reason, slip);
    }
}
