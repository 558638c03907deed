package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An occurrence was done, on a date, with an outcome and what it cost. Revision 2 added
 * {@code costSek}; revision 1 is read with no cost known.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param occurrenceId the occurrence
 * @param doneOn when it was done
 * @param outcome what came of it
 * @param costSek what it cost in SEK (spent against the budget), or null when not told
 */
@EventContract(type = "ActivityOccurrenceCompleted", revision = 2, aggregateType = "Activity")
public record ActivityOccurrenceCompleted(
        String activityId,
        String associationId,
        String planId,
        String occurrenceId,
        LocalDate doneOn,
        String outcome,
        BigDecimal costSek) implements ActivityEvent {

    public ActivityOccurrenceCompleted {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        Objects.requireNonNull(doneOn, "doneOn");
    }
}
