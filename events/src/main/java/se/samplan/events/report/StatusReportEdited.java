package se.samplan.events.report;

import se.samplan.events.EventContract;
import se.samplan.events.SamplanEvent;

import java.util.Objects;

/**
 * The author changed a draft: its title and the whole content as it now reads.
 *
 * @param reportId      the report
 * @param associationId the owning association
 * @param planId        the plan reported on
 * @param title         the title
 * @param content       the content as it now reads
 */
@EventContract(type = "StatusReportEdited", revision = 1, aggregateType = "StatusReport")
public record StatusReportEdited(String reportId, String associationId, String planId, String title, ReportContent content)
        implements SamplanEvent {

    public StatusReportEdited {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
    }
}
