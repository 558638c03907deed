package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A cell of the stakeholder matrix was set: how the stakeholder gets the product.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param stakeholderId the row
 * @param productId the column
 * @param code D takes part, E electronically, P on paper, NONE nothing
 */
@EventContract(type = "StakeholderMatrixCellSet", revision = 1, aggregateType = "Plan")
public record StakeholderMatrixCellSet(
        String planId,
        String associationId,
        String stakeholderId,
        String productId,
        MatrixCode code) implements PlanEvent {

    public StakeholderMatrixCellSet {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(stakeholderId, "stakeholderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(code, "code");
    }
}
