package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone's forecast (expected end date) moved: one event per move, for the slippage history.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 * @param previousDate before, null if unknown
 * @param newDate after, null if unknown
 * @param reason why it moved
 */
@EventContract(type = "MilestoneForecastChanged", revision = 1, aggregateType = "Plan")
public record MilestoneForecastChanged(
        String planId,
        String associationId,
        String milestoneId,
        LocalDate previousDate,
        LocalDate newDate,
        String reason) implements MilestoneEvent {

    public MilestoneForecastChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
    }
}
