package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * Communication goals for an audience (mottagare) were added, as know / feel / act.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param audienceId the audience
 * @param name e.g. Chefer hos parterna
 * @param know what they should know (veta)
 * @param feel what they should feel or think (känna, tycka)
 * @param act what they should do (agera, göra)
 */
@EventContract(type = "AudienceAdded", revision = 1, aggregateType = "Plan")
public record AudienceAdded(
        String planId,
        String associationId,
        String audienceId,
        String name,
        String know,
        String feel,
        String act) implements PlanEvent {

    public AudienceAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(audienceId, "audienceId");
        Objects.requireNonNull(name, "name");
    }
}
