package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence was not done by its due date: emitted once per occurrence and due date.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param dueDate when it was due
 */
@EventContract(type = "ActivityOverdue", revision = 1, aggregateType = "Activity")
public record ActivityOverdue(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate dueDate) implements ActivityEvent {

    public ActivityOverdue {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
