package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A target group changed (all fields given).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param targetGroupId the target group
 * @param name name
 * @param priority priority
 * @param scope scope
 * @param description description
 */
@EventContract(type = "TargetGroupChanged", revision = 1, aggregateType = "Plan")
public record TargetGroupChanged(
        String planId,
        String associationId,
        String targetGroupId,
        String name,
        TargetGroupPriority priority,
        Scope scope,
        String description) implements PlanEvent {

    public TargetGroupChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(targetGroupId, "targetGroupId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(scope, "scope");
    }
}
