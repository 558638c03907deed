package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence scheduled relative to a milestone moved because the milestone's date moved.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param previousDate due before, or null
 * @param newDate due now, or null if the milestone date is unknown
 * @param milestoneId the milestone that moved
 */
@EventContract(type = "ActivityOccurrenceMoved", revision = 1, aggregateType = "Activity")
public record ActivityOccurrenceMoved(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate previousDate,
        LocalDate newDate,
        String milestoneId) implements ActivityEvent {

    public ActivityOccurrenceMoved {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(milestoneId, "milestoneId");
    }
}
