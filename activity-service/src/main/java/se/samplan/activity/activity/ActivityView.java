package se.samplan.activity.activity;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.activity.ActivityEvent;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.Responsible;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An activity as its readers get it; {@code sequence} (its last event's) is the ETag for If-Match.
 * {@code warnings} point out what is allowed but likely wrong, e.g. a due date outside the plan's period.
 */
record ActivityView(String activityId, String associationId, String planId, String title, String description,
                    ActivityKind kind, List<String> targetGroups, String channel, List<Responsible> responsible,
                    String need, String how, BigDecimal budgetSek, String comment, ActivitySchedule schedule,
                    List<ActivityDocument.Occurrence> occurrences, long sequence, List<Warning> warnings) {

    record Warning(String field, String message) { }

    String etag() {
        return "\"" + sequence + "\"";
    }

    ActivityView withWarnings(List<Warning> found) {
        return new ActivityView(activityId, associationId, planId, title, description, kind, targetGroups, channel,
                responsible, need, how, budgetSek, comment, schedule, occurrences, sequence, found);
    }

    /** The activity folded from its events; null if it has none. */
    static ActivityView from(Stream<? extends DomainEventMessage<?>> events) {
        ActivityDocument document = new ActivityDocument();
        long sequence = -1;
        for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
            DomainEventMessage<?> event = it.next();
            if (event.getPayload() instanceof ActivityEvent activityEvent) {
                document.apply(activityEvent);
                sequence = event.getSequenceNumber();
            }
        }
        return document.exists() ? document.view(sequence, List.of()) : null;
    }
}
