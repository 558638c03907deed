package se.samplan.activity.activity;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.activity.ActivityScheduled;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;

/** An activity folded from its events; {@code version} is its last event's sequence, the ETag. */
record ActivityView(String activityId, String associationId, String planId, String title, LocalDate dueDate,
                    String status, long version) {

    String etag() {
        return "\"" + version + "\"";
    }

    static ActivityView from(Stream<? extends DomainEventMessage<?>> events) {
        ActivityView view = null;
        for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
            DomainEventMessage<?> event = it.next();
            if (event.getPayload() instanceof ActivityScheduled scheduled) {
                view = new ActivityView(scheduled.activityId(), scheduled.associationId(), scheduled.planId(),
                        scheduled.title(), scheduled.dueDate(), "PLANNED", event.getSequenceNumber());
            }
        }
        return view;
    }
}
