package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A milestone's status (G/O/R) changed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 * @param previousStatus before
 * @param newStatus after
 * @param reason why
 */
@EventContract(type = "MilestoneStatusChanged", revision = 1, aggregateType = "Plan")
public record MilestoneStatusChanged(
        String planId,
        String associationId,
        String milestoneId,
        Rating previousStatus,
        Rating newStatus,
        String reason) implements MilestoneEvent {

    public MilestoneStatusChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(newStatus, "newStatus");
    }
}
