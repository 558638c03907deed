package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A risk changed (all fields given).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param riskId the risk
 * @param description the risk
 * @param mitigation mitigation
 * @param likelihood 1..5 or null
 * @param impact 1..5 or null
 */
@EventContract(type = "RiskChanged", revision = 1, aggregateType = "Plan")
public record RiskChanged(
        String planId,
        String associationId,
        String riskId,
        String description,
        String mitigation,
        Integer likelihood,
        Integer impact) implements PlanEvent {

    public RiskChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(riskId, "riskId");
        Objects.requireNonNull(description, "description");
    }
}
