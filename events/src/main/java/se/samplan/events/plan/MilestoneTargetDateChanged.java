package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone's target date changed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 * @param previousDate before, null if unknown
 * @param newDate after, null if unknown
 * @param reason why
 */
@EventContract(type = "MilestoneTargetDateChanged", revision = 1, aggregateType = "Plan")
public record MilestoneTargetDateChanged(
        String planId,
        String associationId,
        String milestoneId,
        LocalDate previousDate,
        LocalDate newDate,
        String reason) implements MilestoneEvent {

    public MilestoneTargetDateChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
    }
}
