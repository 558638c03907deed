package se.samplan.events;

/**
 * An event payload. Every payload names the association (tenant) it belongs to; the envelope adds
 * event id, aggregate id, sequence, time and actor from the event store.
 */
public interface SamplanEvent {

    /** The owning association: the tenant. */
    String associationId();
}
