package se.samplan.events.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The period a status report covers: a month (the default), a quarter, a half-year, a year, or the
 * whole plan period for a final report.
 *
 * @param kind  MONTH, QUARTER, HALF_YEAR, YEAR or FINAL
 * @param start first day
 * @param end   last day
 */
public record ReportPeriod(Kind kind, LocalDate start, LocalDate end) {

    public enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR, FINAL }

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A period ends on or after its start");
        }
    }
}
