package se.samplan.events.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A line of a status report's results or planned actions: drafted from an activity occurrence
 * (which then names it) or written by the author (no activity).
 *
 * @param text         the line, e.g. "Sju digitala kunskapsdialoger genomförda"
 * @param group        its heading in the report, e.g. "Kunskapsdialoger", or null
 * @param activityId   the activity it was drafted from, or null
 * @param occurrenceId the occurrence, or null
 * @param date         done on (results) or due (planned actions), or null
 */
public record ReportItem(String text, String group, String activityId, String occurrenceId, LocalDate date) {

    public ReportItem {
        Objects.requireNonNull(text, "text");
    }
}
