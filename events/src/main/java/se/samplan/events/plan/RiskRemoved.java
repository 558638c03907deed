package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A risk was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param riskId the risk
 */
@EventContract(type = "RiskRemoved", revision = 1, aggregateType = "Plan")
public record RiskRemoved(
        String planId,
        String associationId,
        String riskId) implements PlanEvent {

    public RiskRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(riskId, "riskId");
    }
}
