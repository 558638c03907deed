package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A checklist question was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param itemId the item
 */
@EventContract(type = "ChecklistItemRemoved", revision = 1, aggregateType = "Plan")
public record ChecklistItemRemoved(
        String planId,
        String associationId,
        String itemId) implements PlanEvent {

    public ChecklistItemRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(itemId, "itemId");
    }
}
