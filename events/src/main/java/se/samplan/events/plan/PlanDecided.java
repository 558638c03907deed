package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The plan (this version) was decided; this version is frozen from now on.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param version the plan version decided
 * @param decidedOn date of the decision
 * @param decidedBy the deciding body, e.g. Styrelsen
 */
@EventContract(type = "PlanDecided", revision = 1, aggregateType = "Plan")
public record PlanDecided(
        String planId,
        String associationId,
        int version,
        LocalDate decidedOn,
        String decidedBy) implements PlanEvent {

    public PlanDecided {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(decidedOn, "decidedOn");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
