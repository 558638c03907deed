package se.samplan.reporting.milestone;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.web.Caller;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/reports/plans/{planId}/milestones")
@Tag(name = "Milestone history")
class MilestoneHistoryController {

    /** One move of a milestone. */
    record Move(Instant at, String kind, LocalDate previousDate, LocalDate newDate, String previousStatus, String newStatus,
                String reason, Integer slipDays) { }

    /** A milestone as it stands, with every move since it was added, oldest first. */
    record Milestone(String milestoneId, String name, LocalDate targetDate, LocalDate forecastDate, String status,
                     Integer slipDays, List<Move> history) { }

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;

    MilestoneHistoryController(JdbcTemplate jdbc, PlanAccess plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "A plan's milestones with target, forecast, status and the history of every move (slip in days)")
    List<Milestone> milestones(Caller caller, @PathVariable String planId) {
        // The plan's association and its partners read it; to anyone else the plan is not there (404).
        PlanAccess.PlanRef plan = plans.readable(caller, planId);
        return jdbc.query("""
                        SELECT milestone_id, name, target_date, forecast_date, status FROM milestone_state
                         WHERE plan_id = ? AND association_id = ? AND NOT removed ORDER BY coalesce(forecast_date, target_date), name""",
                (rs, row) -> {
                    LocalDate target = local(rs.getDate("target_date"));
                    LocalDate forecast = local(rs.getDate("forecast_date"));
                    String milestoneId = rs.getString("milestone_id");
                    return new Milestone(milestoneId, rs.getString("name"), target, forecast, rs.getString("status"),
                            target == null || forecast == null ? null : (int) java.time.temporal.ChronoUnit.DAYS.between(target, forecast),
                            history(planId, milestoneId));
                }, planId, plan.associationId());
    }

    private List<Move> history(String planId, String milestoneId) {
        return jdbc.query("""
                        SELECT occurred_at, kind, previous_date, new_date, previous_status, new_status, reason, slip_days
                          FROM milestone_move WHERE plan_id = ? AND milestone_id = ? ORDER BY occurred_at, event_id""",
                (rs, row) -> new Move(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                        local(rs.getDate("previous_date")), local(rs.getDate("new_date")), rs.getString("previous_status"),
                        rs.getString("new_status"), rs.getString("reason"), (Integer) rs.getObject("slip_days")),
                planId, milestoneId);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
