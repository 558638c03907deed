package se.samplan.plan.plan;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.plan.PlanCreated;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A plan as its owner reads it, folded from its events. {@code version} is the sequence of its last
 * event: the ETag a writer sends back.
 */
record PlanView(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                String ownerId, String status, long version) {

    String etag() {
        return "\"" + version + "\"";
    }

    static PlanView from(Stream<? extends DomainEventMessage<?>> events) {
        PlanView view = null;
        for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
            DomainEventMessage<?> event = it.next();
            if (event.getPayload() instanceof PlanCreated created) {
                view = new PlanView(created.planId(), created.associationId(), created.title(), created.periodStart(),
                        created.periodEnd(), created.ownerId(), "DRAFT", event.getSequenceNumber());
            }
        }
        return view;
    }
}
