package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A checklist question was answered (yes, no, or null for not yet) with a comment.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param itemId the item
 * @param answer yes, no, or null
 * @param comment a comment
 */
@EventContract(type = "ChecklistItemAnswered", revision = 1, aggregateType = "Plan")
public record ChecklistItemAnswered(
        String planId,
        String associationId,
        String itemId,
        Boolean answer,
        String comment) implements PlanEvent {

    public ChecklistItemAnswered {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(itemId, "itemId");
    }
}
