package se.samplan.events.report;

import se.samplan.events.EventContract;
import se.samplan.events.SamplanEvent;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A status report is due soon under a plan's reporting cadence (e.g. monthly to the funder).
 *
 * @param reportId      the report (cadence and period), also the aggregate id
 * @param associationId the owning association
 * @param planId        the plan reported on
 * @param title         e.g. "Statusrapport december 2021"
 * @param recipient     who receives the report, e.g. "Finansiären", "Styrgruppen"
 * @param dueDate       when it must be submitted
 * @param ownerId       the person id who writes it
 */
@EventContract(type = "ReportDue", revision = 1, aggregateType = "StatusReport")
public record ReportDue(String reportId, String associationId, String planId, String title, String recipient,
                        LocalDate dueDate, String ownerId) implements SamplanEvent {

    public ReportDue {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
