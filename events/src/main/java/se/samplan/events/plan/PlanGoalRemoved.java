package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An overall goal was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param goalId the goal
 */
@EventContract(type = "PlanGoalRemoved", revision = 1, aggregateType = "Plan")
public record PlanGoalRemoved(
        String planId,
        String associationId,
        String goalId) implements PlanEvent {

    public PlanGoalRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(goalId, "goalId");
    }
}
