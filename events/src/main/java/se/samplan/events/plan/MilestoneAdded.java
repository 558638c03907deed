package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone was added; a null date is one not known yet ("?").
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param milestoneId the milestone
 * @param name e.g. Lansering av ny webbplats
 * @param targetDate måldatum, null if unknown
 * @param forecastDate förväntat slutdatum, null if unknown
 * @param status G, O or R
 */
@EventContract(type = "MilestoneAdded", revision = 1, aggregateType = "Plan")
public record MilestoneAdded(
        String planId,
        String associationId,
        String milestoneId,
        String name,
        LocalDate targetDate,
        LocalDate forecastDate,
        Rating status) implements MilestoneEvent {

    public MilestoneAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
