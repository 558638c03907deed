package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An overall goal (övergripande mål) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param goalId the goal
 * @param text the goal
 */
@EventContract(type = "PlanGoalAdded", revision = 1, aggregateType = "Plan")
public record PlanGoalAdded(
        String planId,
        String associationId,
        String goalId,
        String text) implements PlanEvent {

    public PlanGoalAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(goalId, "goalId");
        Objects.requireNonNull(text, "text");
    }
}
