package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A milestone was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 */
@EventContract(type = "MilestoneRemoved", revision = 1, aggregateType = "Plan")
public record MilestoneRemoved(
        String planId,
        String associationId,
        String milestoneId) implements MilestoneEvent {

    public MilestoneRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
    }
}
