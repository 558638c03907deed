package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An audience and its goals were removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param audienceId the audience
 */
@EventContract(type = "AudienceRemoved", revision = 1, aggregateType = "Plan")
public record AudienceRemoved(
        String planId,
        String associationId,
        String audienceId) implements PlanEvent {

    public AudienceRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(audienceId, "audienceId");
    }
}
