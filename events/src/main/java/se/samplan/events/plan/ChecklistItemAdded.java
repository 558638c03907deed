package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A checklist question was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param itemId the item
 * @param question e.g. Är kommunikationsplanen tidsatt med aktiviteter?
 */
@EventContract(type = "ChecklistItemAdded", revision = 1, aggregateType = "Plan")
public record ChecklistItemAdded(
        String planId,
        String associationId,
        String itemId,
        String question) implements PlanEvent {

    public ChecklistItemAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(question, "question");
    }
}
