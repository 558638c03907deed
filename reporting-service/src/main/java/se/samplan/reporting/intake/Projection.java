package se.samplan.reporting.intake;

import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;

import java.util.List;

/**
 * A read model fed by events. Called inside the transaction that also records the consumer's
 * position, once per event: {@link EventIntake} has already dropped redeliveries.
 */
public interface Projection {

    void apply(EventEnvelope envelope, SamplanEvent event);

    /** The tables this projection alone writes: a rebuild empties them and reads every topic again. */
    List<String> tables();
}
