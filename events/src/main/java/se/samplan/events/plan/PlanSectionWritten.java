package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * One of the plan's free-text sections was written (replacing its earlier text).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param section which section
 * @param text the whole new text; empty clears it
 */
@EventContract(type = "PlanSectionWritten", revision = 1, aggregateType = "Plan")
public record PlanSectionWritten(
        String planId,
        String associationId,
        PlanSection section,
        String text) implements PlanEvent {

    public PlanSectionWritten {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
    }
}
