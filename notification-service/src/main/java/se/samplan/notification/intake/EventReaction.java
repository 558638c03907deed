package se.samplan.notification.intake;

import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;

/**
 * What this service does with an event, e.g. queue an email. Called inside the transaction that also records the consumer's
 * position, once per event: {@link EventIntake} has already dropped redeliveries.
 */
public interface EventReaction {

    void apply(EventEnvelope envelope, SamplanEvent event);
}
