package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A partner association lost its access.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param partnerAssociationId the partner
 */
@EventContract(type = "PartnerAssociationRemoved", revision = 1, aggregateType = "Plan")
public record PartnerAssociationRemoved(
        String planId,
        String associationId,
        String partnerAssociationId) implements PlanEvent {

    public PartnerAssociationRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(partnerAssociationId, "partnerAssociationId");
    }
}
