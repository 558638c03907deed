package se.samplan.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on a Kafka topic: one event with the facts every consumer needs to apply it once
 * and in order. {@code sequence} is the aggregate's own event sequence (0 for its first event), so a
 * consumer that remembers the last sequence applied per aggregate can drop a redelivery.
 *
 * @param eventId       the event's id in the owning service's event store
 * @param type          the contract type, see {@link EventContract#type()}
 * @param revision      the payload's contract revision
 * @param tenantId      the association the event belongs to
 * @param aggregateType e.g. {@code Plan}
 * @param aggregateId   the aggregate instance; also the Kafka key
 * @param sequence      the aggregate sequence number
 * @param occurredAt    when the event was applied
 * @param actor         the person (id) whose request caused it, or {@code system}
 * @param payload       the event record as JSON, at {@code revision}
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int revision,
        String tenantId,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String actor,
        JsonNode payload) {

    public EventEnvelope {
        // The header's rules are the envelope's.
        new EventHeader(eventId, type, revision, tenantId, aggregateType, aggregateId, sequence, occurredAt, actor);
        Objects.requireNonNull(payload, "payload");
        payload = payload.deepCopy();
    }

    /** The envelope's facts without its payload. */
    public EventHeader header() {
        return new EventHeader(eventId, type, revision, tenantId, aggregateType, aggregateId, sequence, occurredAt, actor);
    }

    /** The payload as JSON; a copy, so the envelope stays immutable. */
    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }
}
