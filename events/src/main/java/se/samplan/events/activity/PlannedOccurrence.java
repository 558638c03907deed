package se.samplan.events.activity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One occurrence of an activity as its schedule gives it: a stable id ({@code once}, {@code ongoing},
 * the date of a recurrence, or a member organisation) and its due date (null: not known yet, or none).
 */
public record PlannedOccurrence(String occurrenceId, LocalDate dueDate) {

    public PlannedOccurrence {
        Objects.requireNonNull(occurrenceId, "occurrenceId");
    }
}
