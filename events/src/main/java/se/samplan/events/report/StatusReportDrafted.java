package se.samplan.events.report;

import se.samplan.events.EventContract;
import se.samplan.events.SamplanEvent;

import java.util.Objects;

/**
 * A status report was opened as a draft, pre-filled from the plan's and activities' events:
 * results are the occurrences done in the period, planned actions those due in the next, the
 * milestone table the current forecasts, the ratings those of the previous report.
 *
 * @param reportId         the report: plan, cadence and period
 * @param associationId    the owning association
 * @param planId           the plan reported on
 * @param cadenceId        the reporting cadence it answers, or {@code adhoc}
 * @param title            e.g. "Statusrapport kommunikation december 2021"
 * @param recipient        who receives it, e.g. "Styrelsen", or null
 * @param period           the period covered
 * @param previousReportId the plan's previous submitted report of the same cadence, or null
 * @param content          the drafted content
 */
@EventContract(type = "StatusReportDrafted", revision = 1, aggregateType = "StatusReport")
public record StatusReportDrafted(String reportId, String associationId, String planId, String cadenceId, String title,
                                  String recipient, ReportPeriod period, String previousReportId, ReportContent content)
        implements SamplanEvent {

    public StatusReportDrafted {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(cadenceId, "cadenceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(content, "content");
    }
}
