package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A target group (målgrupp) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param targetGroupId the target group
 * @param name e.g. Förtroendevalda
 * @param priority primary, secondary or external
 * @param scope internal or external to the organisation
 * @param description more about the group
 */
@EventContract(type = "TargetGroupAdded", revision = 1, aggregateType = "Plan")
public record TargetGroupAdded(
        String planId,
        String associationId,
        String targetGroupId,
        String name,
        TargetGroupPriority priority,
        Scope scope,
        String description) implements PlanEvent {

    public TargetGroupAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(targetGroupId, "targetGroupId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(scope, "scope");
    }
}
