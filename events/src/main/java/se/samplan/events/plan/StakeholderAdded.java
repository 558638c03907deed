package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A row of the stakeholder matrix (intressentanalys) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param stakeholderId the stakeholder
 * @param name e.g. Styrgrupp
 */
@EventContract(type = "StakeholderAdded", revision = 1, aggregateType = "Plan")
public record StakeholderAdded(
        String planId,
        String associationId,
        String stakeholderId,
        String name) implements PlanEvent {

    public StakeholderAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(stakeholderId, "stakeholderId");
        Objects.requireNonNull(name, "name");
    }
}
