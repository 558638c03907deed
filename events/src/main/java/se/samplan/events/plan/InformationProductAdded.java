package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A column of the stakeholder matrix (an information product) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param productId the product
 * @param name e.g. Protokoll, Nyhetsbrev
 */
@EventContract(type = "InformationProductAdded", revision = 1, aggregateType = "Plan")
public record InformationProductAdded(
        String planId,
        String associationId,
        String productId,
        String name) implements PlanEvent {

    public InformationProductAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
    }
}
