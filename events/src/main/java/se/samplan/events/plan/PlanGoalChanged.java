package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An overall goal was reworded.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param goalId the goal
 * @param text the new wording
 */
@EventContract(type = "PlanGoalChanged", revision = 1, aggregateType = "Plan")
public record PlanGoalChanged(
        String planId,
        String associationId,
        String goalId,
        String text) implements PlanEvent {

    public PlanGoalChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(goalId, "goalId");
        Objects.requireNonNull(text, "text");
    }
}
