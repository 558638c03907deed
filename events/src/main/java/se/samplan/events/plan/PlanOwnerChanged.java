package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * Another person owns the plan.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param ownerId person id of the new owner
 */
@EventContract(type = "PlanOwnerChanged", revision = 1, aggregateType = "Plan")
public record PlanOwnerChanged(
        String planId,
        String associationId,
        String ownerId) implements PlanEvent {

    public PlanOwnerChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(ownerId, "ownerId");
    }
}
