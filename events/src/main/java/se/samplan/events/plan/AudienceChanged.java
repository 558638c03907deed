package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An audience's name or know / feel / act goals changed (all four given).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param audienceId the audience
 * @param name the name
 * @param know veta
 * @param feel känna
 * @param act agera
 */
@EventContract(type = "AudienceChanged", revision = 1, aggregateType = "Plan")
public record AudienceChanged(
        String planId,
        String associationId,
        String audienceId,
        String name,
        String know,
        String feel,
        String act) implements PlanEvent {

    public AudienceChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(audienceId, "audienceId");
        Objects.requireNonNull(name, "name");
    }
}
