package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An activity was put on a plan's activity plan, with its schedule and the occurrences it gives.
 * Revision 2; revision 1 had only {@code title} and {@code dueDate} (upcast to a DATE or ONGOING
 * schedule).
 *
 * @param activityId    the activity
 * @param associationId the owning association
 * @param planId        the plan
 * @param title         what (aktivitet)
 * @param description   more about it, or null
 * @param kind          planning, activity, checkpoint or communication occasion
 * @param targetGroups  target groups by name (målgrupp)
 * @param channel       channel or forum, or null
 * @param responsible   who answers for it
 * @param need          why it is needed (behov), or null
 * @param how           how it is done (hur), or null
 * @param budgetSek     budget in SEK, exact, or null
 * @param comment       a comment, or null
 * @param schedule      when
 * @param occurrences   the occurrences the schedule gives, in order
 */
@EventContract(type = "ActivityScheduled", revision = 2, aggregateType = "Activity")
public record ActivityScheduled(
        String activityId,
        String associationId,
        String planId,
        String title,
        String description,
        ActivityKind kind,
        List<String> targetGroups,
        String channel,
        List<Responsible> responsible,
        String need,
        String how,
        BigDecimal budgetSek,
        String comment,
        ActivitySchedule schedule,
        List<PlannedOccurrence> occurrences) implements ActivityEvent {

    public ActivityScheduled {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }
}
