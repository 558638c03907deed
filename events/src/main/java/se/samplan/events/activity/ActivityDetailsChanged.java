package se.samplan.events.activity;

import se.samplan.events.EventContract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an activity is changed: every detail given, its schedule untouched.
 *
 * @param activityId the activity
 * @param associationId the owning association
 * @param planId the plan
 * @param title what
 * @param description more, or null
 * @param kind its kind
 * @param targetGroups target groups by name
 * @param channel channel or forum
 * @param responsible who answers for it
 * @param need behov
 * @param how hur
 * @param budgetSek budget in SEK, or null
 * @param comment comment
 */
@EventContract(type = "ActivityDetailsChanged", revision = 1, aggregateType = "Activity")
public record ActivityDetailsChanged(
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
        String comment) implements ActivityEvent {

    public ActivityDetailsChanged {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
    }
}
