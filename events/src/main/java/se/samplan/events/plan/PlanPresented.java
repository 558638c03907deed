package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The plan (this version) was presented, e.g. to the board.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param version the plan version presented
 * @param presentedOn when
 * @param presentedTo to whom, e.g. Styrelsen
 */
@EventContract(type = "PlanPresented", revision = 1, aggregateType = "Plan")
public record PlanPresented(
        String planId,
        String associationId,
        int version,
        LocalDate presentedOn,
        String presentedTo) implements PlanEvent {

    public PlanPresented {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(presentedOn, "presentedOn");
    }
}
