package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A milestone was renamed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 * @param name the new name
 */
@EventContract(type = "MilestoneRenamed", revision = 1, aggregateType = "Plan")
public record MilestoneRenamed(
        String planId,
        String associationId,
        String milestoneId,
        String name) implements MilestoneEvent {

    public MilestoneRenamed {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(name, "name");
    }
}
