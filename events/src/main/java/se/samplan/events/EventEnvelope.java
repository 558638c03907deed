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
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        payload = payload.deepCopy();
    }

    /** The payload as JSON; a copy, so the envelope stays immutable. */
    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }
}
