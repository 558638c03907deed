package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * Work on a new version of a decided plan began; the decided version stays as it was.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param version the new version
 * @param reason why it is revised
 */
@EventContract(type = "PlanRevisionStarted", revision = 1, aggregateType = "Plan")
public record PlanRevisionStarted(
        String planId,
        String associationId,
        int version,
        String reason) implements PlanEvent {

    public PlanRevisionStarted {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
    }
}
