package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence was done, on a date, with an outcome.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param doneOn when it was done
 * @param outcome what came of it
 */
@EventContract(type = "ActivityOccurrenceCompleted", revision = 1, aggregateType = "Activity")
public record ActivityOccurrenceCompleted(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate doneOn,
        String outcome) implements ActivityEvent {

    public ActivityOccurrenceCompleted {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(doneOn, "doneOn");
    }
}
