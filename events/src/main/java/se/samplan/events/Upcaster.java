package se.samplan.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON payload of one revision of an event type into the next revision. Registered in
 * {@link EventCatalog}; consumers then read every revision ever published.
 *
 * @param type         the contract type
 * @param fromRevision the revision this upcaster reads; it produces {@code fromRevision + 1}
 * @param step         the change, applied to a copy of the payload
 */
public record Upcaster(String type, int fromRevision, java.util.function.UnaryOperator<ObjectNode> step) {
}
