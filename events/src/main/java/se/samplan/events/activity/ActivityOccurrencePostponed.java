package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence was postponed to a new date.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param previousDate due before, or null
 * @param newDate due now
 * @param reason why
 */
@EventContract(type = "ActivityOccurrencePostponed", revision = 1, aggregateType = "Activity")
public record ActivityOccurrencePostponed(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate previousDate,
        LocalDate newDate,
        String reason) implements ActivityEvent {

    public ActivityOccurrencePostponed {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(newDate, "newDate");
    }
}
