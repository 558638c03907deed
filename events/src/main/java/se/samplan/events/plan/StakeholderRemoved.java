package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A stakeholder and its matrix cells were removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param stakeholderId the stakeholder
 */
@EventContract(type = "StakeholderRemoved", revision = 1, aggregateType = "Plan")
public record StakeholderRemoved(
        String planId,
        String associationId,
        String stakeholderId) implements PlanEvent {

    public StakeholderRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(stakeholderId, "stakeholderId");
    }
}
