package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The plan was closed: no more changes.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param closedOn when
 * @param reason why
 */
@EventContract(type = "PlanClosed", revision = 1, aggregateType = "Plan")
public record PlanClosed(
        String planId,
        String associationId,
        LocalDate closedOn,
        String reason) implements PlanEvent {

    public PlanClosed {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(closedOn, "closedOn");
    }
}
