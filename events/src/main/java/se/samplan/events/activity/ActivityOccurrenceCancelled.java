package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An occurrence was cancelled.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param reason why
 */
@EventContract(type = "ActivityOccurrenceCancelled", revision = 1, aggregateType = "Activity")
public record ActivityOccurrenceCancelled(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        String reason) implements ActivityEvent {

    public ActivityOccurrenceCancelled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
    }
}
