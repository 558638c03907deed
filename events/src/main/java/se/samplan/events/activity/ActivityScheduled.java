package se.samplan.events.activity;

import se.samplan.events.EventContract;
import se.samplan.events.SamplanEvent;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An activity of a plan's activity plan was scheduled.
 *
 * @param activityId    the activity's id
 * @param associationId the owning association
 * @param planId        the plan the activity belongs to
 * @param title         what is to be done, e.g. "Nyhetsbrev"
 * @param dueDate       when it is due, null for an activity with no date yet
 */
@EventContract(type = "ActivityScheduled", revision = 1, aggregateType = "Activity")
public record ActivityScheduled(
        String activityId,
        String associationId,
        String planId,
        String title,
        LocalDate dueDate) implements SamplanEvent {

    public ActivityScheduled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(title, "title");
    }
}
