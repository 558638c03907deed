package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * The plan's title changed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param title the new title
 */
@EventContract(type = "PlanRetitled", revision = 1, aggregateType = "Plan")
public record PlanRetitled(
        String planId,
        String associationId,
        String title) implements PlanEvent {

    public PlanRetitled {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(title, "title");
    }
}
