package se.samplan.reporting.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.report.ReportDue;
import se.samplan.events.report.ReportOverdue;
import se.samplan.events.report.ReportPeriod;
import se.samplan.reporting.db.Tenancy;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Tells when a report is due under its plan's cadence ({@code ReportDue}, a few days before) and
 * when it is overdue ({@code ReportOverdue}, the day after), once per report and due date however
 * often it runs and on however many instances: the notice's key and the event commit together.
 * Overdue reports further back than a window are not announced, so a cadence that starts in the
 * past does not flood the owner with reminders of long-gone months.
 */
@Component
class ReportDueSweep {

    private static final Logger log = LoggerFactory.getLogger(ReportDueSweep.class);

    private final Cadences cadences;
    private final StatusReports reports;
    private final ReportEvents events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int leadDays;
    private final int overdueWindowDays;

    ReportDueSweep(Cadences cadences, StatusReports reports, ReportEvents events, JdbcTemplate jdbc, TransactionTemplate transaction,
                   Optional<Clock> clock, @Value("${samplan.reports.due-lead-days:5}") int leadDays,
                   @Value("${samplan.reports.overdue-window-days:30}") int overdueWindowDays) {
        this.cadences = cadences;
        this.reports = reports;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock.orElse(Clock.systemUTC());
        this.leadDays = leadDays;
        this.overdueWindowDays = overdueWindowDays;
    }

    @Scheduled(fixedDelayString = "${samplan.reports.sweep-interval:60s}", initialDelayString = "${samplan.reports.sweep-delay:10s}")
    void sweep() {
        // Every association's cadences and reports.
        try (Tenancy.Scope system = Tenancy.system()) {
            sweepAll();
        }
    }

    private void sweepAll() {
        LocalDate today = LocalDate.now(clock.withZone(Drafter.SWEDEN));
        int told = 0;
        for (Cadences.Cadence cadence : cadences.all()) {
            for (ReportPeriod period : cadence.periods()) {
                LocalDate due = cadence.dueDate(period);
                if (today.isBefore(due.minusDays(leadDays)) || today.isAfter(due.plusDays(overdueWindowDays))) {
                    continue;
                }
                String reportId = cadence.reportId(period);
                boolean submitted = reports.find(reportId).map(r -> "SUBMITTED".equals(r.status())).orElse(false);
                if (!submitted) {
                    told += tell(cadence, period, reportId, due, today.isAfter(due)) ? 1 : 0;
                }
            }
        }
        if (told > 0) {
            log.info("Told {} reports due or overdue", told);
        }
    }

    private boolean tell(Cadences.Cadence cadence, ReportPeriod period, String reportId, LocalDate due, boolean overdue) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.update("INSERT INTO report_notice (report_id, kind, due_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    reportId, overdue ? "OVERDUE" : "DUE", Date.valueOf(due)) == 0) {
                return false;
            }
            String title = Periods.title(period);
            events.append(reportId, cadence.planId(), overdue
                    ? new ReportOverdue(reportId, cadence.associationId(), cadence.planId(), title, cadence.recipient(), due, cadence.ownerId())
                    : new ReportDue(reportId, cadence.associationId(), cadence.planId(), title, cadence.recipient(), due, cadence.ownerId()),
                    "system", clock.instant());
            return true;
        }));
    }
}
