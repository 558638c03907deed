package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A plan (communication plan, project plan) was drafted.
 *
 * @param planId        the plan's id
 * @param associationId the owning association
 * @param title         e.g. "Kommunikationsplan Finsam Lekeberg och Örebro"
 * @param periodStart   first day of the plan's period, null while unknown
 * @param periodEnd     last day of the plan's period, null while unknown
 * @param ownerId       the person id of the plan's owner; personal details live outside events
 */
@EventContract(type = "PlanCreated", revision = 1, aggregateType = "Plan")
public record PlanCreated(
        String planId,
        String associationId,
        String title,
        LocalDate periodStart,
        LocalDate periodEnd,
        String ownerId) implements PlanEvent {

    public PlanCreated {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(title, "title");
    }
}
