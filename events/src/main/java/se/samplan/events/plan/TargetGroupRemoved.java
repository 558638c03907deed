package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A target group was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param targetGroupId the target group
 */
@EventContract(type = "TargetGroupRemoved", revision = 1, aggregateType = "Plan")
public record TargetGroupRemoved(
        String planId,
        String associationId,
        String targetGroupId) implements PlanEvent {

    public TargetGroupRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(targetGroupId, "targetGroupId");
    }
}
