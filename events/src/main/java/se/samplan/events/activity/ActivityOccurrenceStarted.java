package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * Work on an occurrence began.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 */
@EventContract(type = "ActivityOccurrenceStarted", revision = 1, aggregateType = "Activity")
public record ActivityOccurrenceStarted(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId) implements ActivityEvent {

    public ActivityOccurrenceStarted {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
    }
}
