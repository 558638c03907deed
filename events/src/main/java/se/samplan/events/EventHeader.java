package se.samplan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An envelope's facts without its payload: what a consumer needs besides the decoded event to apply it
 * once and in order. The fields are {@link EventEnvelope}'s, with the same rules.
 */
public record EventHeader(
        UUID eventId,
        String type,
        int revision,
        String tenantId,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String actor) {

    public EventHeader {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
    }
}
