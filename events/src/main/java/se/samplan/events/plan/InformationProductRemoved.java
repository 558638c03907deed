package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An information product and its matrix cells were removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param productId the product
 */
@EventContract(type = "InformationProductRemoved", revision = 1, aggregateType = "Plan")
public record InformationProductRemoved(
        String planId,
        String associationId,
        String productId) implements PlanEvent {

    public InformationProductRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(productId, "productId");
    }
}
