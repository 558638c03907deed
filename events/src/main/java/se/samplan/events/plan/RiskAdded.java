package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A risk was added with its mitigation (Risk: … Åtgärd: …).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param riskId the risk
 * @param description the risk
 * @param mitigation the measure against it
 * @param likelihood 1 (rare) to 5 (almost certain), null if not given
 * @param impact 1 (minor) to 5 (severe), null if not given
 */
@EventContract(type = "RiskAdded", revision = 1, aggregateType = "Plan")
public record RiskAdded(
        String planId,
        String associationId,
        String riskId,
        String description,
        String mitigation,
        Integer likelihood,
        Integer impact) implements PlanEvent {

    public RiskAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(riskId, "riskId");
        Objects.requireNonNull(description, "description");
    }
}
