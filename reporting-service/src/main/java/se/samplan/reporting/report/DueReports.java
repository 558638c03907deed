package se.samplan.reporting.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.report.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports plans' cadences ask for, with due date and how far each got. For a dashboard of many
 * plans it is two queries, the cadences and the states of the reports written, however many plans
 * and periods there are.
 */
@Component
public class DueReports {

    static final String SUBMITTED = "SUBMITTED";

    /** A report a cadence asks for: its period, due date and how far it got (NOT_STARTED, DRAFT, SUBMITTED). */
    public record DueReport(String reportId, String cadenceId, String recipient, String title, ReportPeriod period,
                            LocalDate dueDate, String status, boolean overdue) { }

    private static final Comparator<DueReport> EARLIEST_DUE = Comparator.comparing(DueReport::dueDate)
            .thenComparing(DueReport::reportId);

    private final Cadences cadences;
    private final JdbcTemplate jdbc;

    DueReports(Cadences cadences, JdbcTemplate jdbc) {
        this.cadences = cadences;
        this.jdbc = jdbc;
    }

    /** Every report the plan's cadences ask for, earliest due first. */
    List<DueReport> ofPlan(String planId, LocalDate today) {
        return ofPlans(List.of(planId), today).getOrDefault(planId, List.of());
    }

    /** For each plan, the report it owes next: the earliest due that is not submitted. Plans that owe none are absent. */
    public Map<String, DueReport> nextOwed(Collection<String> planIds, LocalDate today) {
        Map<String, DueReport> next = new HashMap<>();
        ofPlans(planIds, today).forEach((planId, due) -> due.stream().filter(report -> !SUBMITTED.equals(report.status()))
                .findFirst().ifPresent(report -> next.put(planId, report)));
        return next;
    }

    private Map<String, List<DueReport>> ofPlans(Collection<String> planIds, LocalDate today) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Object[] ids = planIds.toArray();
        Map<String, String> statuses = new HashMap<>();
        jdbc.query("SELECT report_id, status FROM status_report WHERE plan_id = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", ids)),
                rs -> {
                    statuses.put(rs.getString("report_id"), rs.getString("status"));
                });
        Map<String, List<DueReport>> byPlan = new LinkedHashMap<>();
        for (Cadences.Cadence cadence : cadences.ofPlans(ids)) {
            List<DueReport> due = byPlan.computeIfAbsent(cadence.planId(), plan -> new ArrayList<>());
            for (ReportPeriod period : cadence.periods()) {
                String reportId = cadence.reportId(period);
                LocalDate dueDate = cadence.dueDate(period);
                String status = statuses.getOrDefault(reportId, "NOT_STARTED");
                due.add(new DueReport(reportId, cadence.cadenceId(), cadence.recipient(), Periods.title(period), period, dueDate,
                        status, !SUBMITTED.equals(status) && today.isAfter(dueDate)));
            }
        }
        byPlan.values().forEach(due -> due.sort(EARLIEST_DUE));
        return byPlan;
    }
}
