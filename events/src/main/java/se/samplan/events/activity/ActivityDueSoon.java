package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence is due within the association's lead time: emitted once per occurrence and due
 * date.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param dueDate when it is due
 * @param leadDays the lead time in days
 */
@EventContract(type = "ActivityDueSoon", revision = 1, aggregateType = "Activity")
public record ActivityDueSoon(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate dueDate,
        int leadDays) implements ActivityEvent {

    public ActivityDueSoon {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
