package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * Another association may read the plan, or contribute to it.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param partnerAssociationId the partner
 * @param access READ or CONTRIBUTE
 */
@EventContract(type = "PartnerAssociationAdded", revision = 1, aggregateType = "Plan")
public record PartnerAssociationAdded(
        String planId,
        String associationId,
        String partnerAssociationId,
        PartnerAccess access) implements PlanEvent {

    public PartnerAssociationAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(partnerAssociationId, "partnerAssociationId");
        Objects.requireNonNull(access, "access");
    }
}
