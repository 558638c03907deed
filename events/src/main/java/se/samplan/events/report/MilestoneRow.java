package se.samplan.events.report;

import se.samplan.events.plan.Rating;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A row of a status report's milestone table as it stood when the report was drafted (or edited),
 * with the forecast moves that happened in the report's period.
 *
 * @param milestoneId  the plan's milestone
 * @param name         its name
 * @param targetDate   måldatum, null if unknown ("?")
 * @param forecastDate förväntat slutdatum, null if unknown
 * @param status       G, O or R
 * @param moves        the forecast moves in the period, oldest first
 */
public record MilestoneRow(String milestoneId, String name, LocalDate targetDate, LocalDate forecastDate, Rating status,
                           List<ForecastMove> moves) {

    public MilestoneRow {
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(name, "name");
        moves = moves == null ? List.of() : List.copyOf(moves);
    }

    /**
     * A forecast move of the milestone.
     *
     * @param on           the day it was moved
     * @param previousDate forecast before, or null
     * @param newDate      forecast after, or null
     * @param reason       why, or null
     */
    public record ForecastMove(LocalDate on, LocalDate previousDate, LocalDate newDate, String reason) {

        public ForecastMove {
            Objects.requireNonNull(on, "on");
        }
    }
}
