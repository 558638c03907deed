package se.samplan.reporting.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.report.DueReports;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows, read from the projections: each plan's status (latest ratings, overdue
 * activities, next milestone, next report due), the portfolio across the associations a caller may
 * see, and activity statistics per month.
 */
@RestController
@Tag(name = "Dashboard")
class DashboardController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** The next milestone not yet passed. */
    record NextMilestone(String milestoneId, String name, LocalDate targetDate, LocalDate forecastDate, String status) { }

    /** A plan's status at a glance; {@code nextReport} is the earliest due report not yet submitted, if any. */
    record PlanStatus(String planId, String associationId, String title, String planStatus, LocalDate periodStart,
                      LocalDate periodEnd, String access, Map<String, String> ratings, String latestReportId,
                      LocalDate latestReportPeriodEnd, int activities, int overdueActivities, NextMilestone nextMilestone,
                      DueReports.DueReport nextReport) {

        PlanStatus withNextReport(DueReports.DueReport report) {
            return new PlanStatus(planId, associationId, title, planStatus, periodStart, periodEnd, access, ratings, latestReportId,
                    latestReportPeriodEnd, activities, overdueActivities, nextMilestone, report);
        }
    }

    /** One month of a plan's activities: occurrences planned, done, overdue, cancelled, and budget planned vs spent. */
    record MonthStatistics(YearMonth month, int planned, int done, int overdue, int cancelled, BigDecimal budgetPlannedSek,
                           BigDecimal spentSek) { }

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;
    private final DueReports dueReports;
    private final Clock clock;

    DashboardController(JdbcTemplate jdbc, PlanAccess plans, DueReports dueReports, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.dueReports = dueReports;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    private static final String STATUS = """
            SELECT p.plan_id, p.association_id, p.title, p.status, p.period_start, p.period_end, %s AS access,
                   r.report_id, r.period_end AS report_period_end, r.content -> 'parameters' AS parameters,
                   (SELECT count(DISTINCT o.activity_id) FROM activity_occurrence o
                     WHERE o.plan_id = p.plan_id AND o.association_id = p.association_id AND o.scheduled) AS activities,
                   (SELECT count(*) FROM activity_occurrence o WHERE o.plan_id = p.plan_id AND o.association_id = p.association_id AND o.scheduled
                       AND o.status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED') AND o.due_date < ?) AS overdue,
                   m.milestone_id, m.name AS milestone_name, m.target_date, m.forecast_date, m.status AS milestone_status
              FROM plan_overview p
              LEFT JOIN LATERAL (SELECT report_id, period_end, content FROM status_report s
                                  WHERE s.plan_id = p.plan_id AND s.status = 'SUBMITTED'
                                  ORDER BY period_end DESC, submitted_at DESC LIMIT 1) r ON true
              LEFT JOIN LATERAL (SELECT * FROM milestone_state ms
                                  WHERE ms.plan_id = p.plan_id AND NOT ms.removed AND coalesce(ms.forecast_date, ms.target_date) >= ?
                                  ORDER BY coalesce(ms.forecast_date, ms.target_date), ms.name LIMIT 1) m ON true
            """;

    private final RowMapper<PlanStatus> row = (rs, n) -> {
        Map<String, String> ratings = new LinkedHashMap<>();
        String parameters = rs.getString("parameters");
        if (parameters != null) {
            try {
                se.samplan.events.EventJson.mapper().readTree(parameters).forEach(p -> {
                    if (p.hasNonNull("rating")) {
                        ratings.put(p.get("parameter").asText(), p.get("rating").asText());
                    }
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Stored report content is not JSON", e);
            }
        }
        NextMilestone next = rs.getString("milestone_id") == null ? null : new NextMilestone(rs.getString("milestone_id"),
                rs.getString("milestone_name"), local(rs.getDate("target_date")), local(rs.getDate("forecast_date")),
                rs.getString("milestone_status"));
        return new PlanStatus(rs.getString("plan_id"), rs.getString("association_id"), rs.getString("title"), rs.getString("status"),
                local(rs.getDate("period_start")), local(rs.getDate("period_end")), rs.getString("access"), ratings,
                rs.getString("report_id"), local(rs.getDate("report_period_end")), rs.getInt("activities"), rs.getInt("overdue"), next,
                null);
    };

    @GetMapping("/api/reports/status")
    @Operation(summary = "Every plan of the caller's association: latest ratings, overdue activities, next milestone, next report due")
    List<PlanStatus> status(Caller caller) {
        Date today = Date.valueOf(today());
        return withNextReports(jdbc.query(STATUS.formatted("'OWNER'") + " WHERE p.association_id = ? ORDER BY p.created_at DESC, p.plan_id",
                row, today, today, caller.associationId()));
    }

    @GetMapping("/api/reports/portfolio")
    @Operation(summary = "The portfolio: the caller's association's plans and those partner associations share with it")
    List<PlanStatus> portfolio(Caller caller) {
        Date today = Date.valueOf(today());
        // The plans are found by two indexed reads, the association's own and those shared with it. A
        // WHERE of "own OR shared" has no index to use: it read every plan on the platform per request.
        return withNextReports(jdbc.query("""
                        WITH visible AS (SELECT plan_id FROM plan_overview WHERE association_id = ?
                                         UNION
                                         SELECT plan_id FROM plan_partner WHERE partner_association_id = ?)
                        """ + STATUS.formatted("""
                        CASE WHEN p.association_id = ? THEN 'OWNER'
                             ELSE (SELECT access FROM plan_partner pp WHERE pp.plan_id = p.plan_id AND pp.partner_association_id = ?) END""")
                        + """
                         JOIN visible v ON v.plan_id = p.plan_id
                         ORDER BY p.association_id, p.created_at DESC, p.plan_id""",
                row, caller.associationId(), caller.associationId(), caller.associationId(), caller.associationId(), today, today));
    }

    /** Each plan's next report due, for all of them at once (the dashboard asked once per plan before). */
    private List<PlanStatus> withNextReports(List<PlanStatus> statuses) {
        Map<String, DueReports.DueReport> next = dueReports.nextOwed(statuses.stream().map(PlanStatus::planId).toList(), today());
        return statuses.stream().map(status -> status.withNextReport(next.get(status.planId()))).toList();
    }

    @GetMapping("/api/reports/plans/{planId}/statistics")
    @Operation(summary = "A plan's activities per month: occurrences planned, done, overdue and cancelled; budget planned and spent")
    List<MonthStatistics> statistics(Caller caller, @PathVariable String planId,
                                     @RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to) {
        PlanAccess.PlanRef plan = plans.readable(caller, planId);
        YearMonth first = from != null ? from : plan.periodStart() != null ? YearMonth.from(plan.periodStart()) : YearMonth.from(today());
        YearMonth last = to != null ? to : plan.periodEnd() != null ? YearMonth.from(plan.periodEnd()) : first.plusMonths(11);
        if (last.isBefore(first)) {
            throw RequestRejected.invalid("to", "The last month comes on or after the first");
        }
        if (first.plusMonths(120).isBefore(last)) {
            throw RequestRejected.invalid("to", "At most ten years at a time");
        }
        // An activity's budget is planned in the month of its first occurrence; a cost is spent in the month it was done.
        // Only the plan's own association's activities count (activity-service takes an unknown plan id on trust).
        return jdbc.query("""
                WITH months AS (SELECT generate_series(?::date, ?::date, interval '1 month')::date AS month),
                     occurrences AS (
                       SELECT date_trunc('month', due_date)::date AS month,
                              count(*) AS planned,
                              count(*) FILTER (WHERE status = 'DONE') AS done,
                              count(*) FILTER (WHERE status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED') AND due_date < ?) AS overdue,
                              count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                         FROM activity_occurrence WHERE plan_id = ? AND association_id = ? AND scheduled AND due_date IS NOT NULL GROUP BY 1),
                     budgets AS (
                       SELECT date_trunc('month', f.first_due)::date AS month, sum(d.budget_sek) AS budget
                         FROM activity_detail d
                         JOIN (SELECT activity_id, min(due_date) AS first_due FROM activity_occurrence
                                WHERE plan_id = ? AND association_id = ? AND scheduled GROUP BY activity_id) f ON f.activity_id = d.activity_id
                        WHERE d.budget_sek IS NOT NULL GROUP BY 1),
                     costs AS (
                       SELECT date_trunc('month', done_on)::date AS month, sum(cost_sek) AS spent FROM activity_occurrence
                        WHERE plan_id = ? AND association_id = ? AND status = 'DONE' AND cost_sek IS NOT NULL GROUP BY 1)
                SELECT m.month, coalesce(o.planned, 0) AS planned, coalesce(o.done, 0) AS done, coalesce(o.overdue, 0) AS overdue,
                       coalesce(o.cancelled, 0) AS cancelled, coalesce(b.budget, 0) AS budget, coalesce(c.spent, 0) AS spent
                  FROM months m LEFT JOIN occurrences o USING (month) LEFT JOIN budgets b USING (month) LEFT JOIN costs c USING (month)
                 ORDER BY m.month""",
                (rs, row) -> new MonthStatistics(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("planned"),
                        rs.getInt("done"), rs.getInt("overdue"), rs.getInt("cancelled"), rs.getBigDecimal("budget"),
                        rs.getBigDecimal("spent")),
                Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)), Date.valueOf(today()), planId, plan.associationId(), planId, plan.associationId(), planId, plan.associationId());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
