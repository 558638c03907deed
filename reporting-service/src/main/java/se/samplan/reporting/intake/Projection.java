package se.samplan.reporting.intake;

import se.samplan.events.EventHeader;
import se.samplan.events.SamplanEvent;

import java.util.List;

/**
 * A read model fed by events. Called inside the transaction that also records the consumer's
 * position, once per event: {@link EventIntake} has already dropped redeliveries. It writes through
 * {@link Writes}, which runs a poll's statements together, so it must not read the tables itself (a
 * statement's subquery may) and may write only rows of the event's own aggregate.
 */
public interface Projection {

    void apply(EventHeader header, SamplanEvent event, Writes writes);

    /** The tables this projection alone writes: a rebuild empties them and reads every topic again. */
    List<String> tables();
}
