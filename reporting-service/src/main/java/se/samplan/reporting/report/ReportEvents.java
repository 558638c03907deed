package se.samplan.reporting.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventContract;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.reporting.live.Changes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends an event to a report's stream, inside the caller's transaction: the next sequence of the
 * report (its row lock orders two writers of one report), the envelope as it will travel on Kafka,
 * and the announcement to live dashboards, which PostgreSQL sends only if the transaction commits.
 */
@Component
class ReportEvents {

    private final JdbcTemplate jdbc;
    private final Changes changes;

    ReportEvents(JdbcTemplate jdbc, Changes changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Appends {@code event} and returns its sequence in the report's stream. */
    long append(String reportId, String planId, SamplanEvent event, String actor, Instant at) {
        Long sequence = jdbc.queryForObject("""
                INSERT INTO report_stream (report_id, association_id, last_sequence) VALUES (?, ?, 0)
                ON CONFLICT (report_id) DO UPDATE SET last_sequence = report_stream.last_sequence + 1
                RETURNING last_sequence""", Long.class, reportId, event.associationId());
        EventContract contract = EventCatalog.contractOf(event.getClass());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), contract.type(), contract.revision(), event.associationId(),
                contract.aggregateType(), reportId, sequence, at, actor, EventJson.mapper().valueToTree(event));
        jdbc.update("""
                INSERT INTO report_event (event_id, report_id, sequence, association_id, type, revision, envelope, occurred_at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), reportId, sequence, event.associationId(), contract.type(), contract.revision(),
                EventJson.write(envelope), Timestamp.from(at), actor);
        changes.announce(event.associationId(), planId, contract.type(), reportId);
        return sequence;
    }
}
