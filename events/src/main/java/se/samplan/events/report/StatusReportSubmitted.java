package se.samplan.events.report;

import se.samplan.events.EventContract;
import se.samplan.events.SamplanEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A status report was submitted and is frozen from now on: no change is accepted.
 *
 * @param reportId      the report
 * @param associationId the owning association
 * @param planId        the plan reported on
 * @param period        the period covered
 * @param submittedOn   the day it was submitted
 * @param ratings       the ratings it was submitted with (the parameters and OVERALL)
 */
@EventContract(type = "StatusReportSubmitted", revision = 1, aggregateType = "StatusReport")
public record StatusReportSubmitted(String reportId, String associationId, String planId, ReportPeriod period,
                                    LocalDate submittedOn, List<ParameterRating> ratings) implements SamplanEvent {

    public StatusReportSubmitted {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(submittedOn, "submittedOn");
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }
}
