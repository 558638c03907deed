package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.util.List;
import java.util.Objects;

/**
 * An activity got a new schedule; occurrences keep their status where their id stays.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param schedule the new schedule
 * @param occurrences the occurrences it gives
 */
@EventContract(type = "ActivityRescheduled", revision = 1, aggregateType = "Activity")
public record ActivityRescheduled(
        String activityId,
        String associationId,
        String planId,
        ActivitySchedule schedule,
        List<PlannedOccurrence> occurrences) implements ActivityEvent {

    public ActivityRescheduled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(schedule, "schedule");
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }
}
