package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The plan's period changed; either end may be unknown.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param periodStart first day, null while unknown
 * @param periodEnd last day, null while unknown
 */
@EventContract(type = "PlanPeriodChanged", revision = 1, aggregateType = "Plan")
public record PlanPeriodChanged(
        String planId,
        String associationId,
        LocalDate periodStart,
        LocalDate periodEnd) implements PlanEvent {

    public PlanPeriodChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
    }
}
