package se.samplan.notification.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where the consumer is, stored in the reactions' own database and changed in the same
 * transaction as they are: what was applied and how far the consumer got cannot disagree.
 */
@Component
class Positions {

    private final JdbcTemplate jdbc;

    Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read from a partition, if this consumer has read it before. */
    Optional<Long> nextOffset(String topic, int partition) {
        return jdbc.query("SELECT next_offset FROM consumer_position WHERE topic = ? AND partition = ?",
                (rs, row) -> rs.getLong(1), topic, partition).stream().findFirst();
    }

    /**
     * Moves the partition's position past {@code offset}; false when it is already past it, i.e.
     * the record is a redelivery. The row lock serializes two consumers racing for one record.
     */
    boolean advancePast(String topic, int partition, long offset) {
        return jdbc.update("""
                INSERT INTO consumer_position (topic, partition, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset
                WHERE consumer_position.next_offset <= ?""", topic, partition, offset + 1, offset) == 1;
    }

    /**
     * Records that the aggregate's event {@code sequence} is applied; false when it (or a later one)
     * already was. This catches the same event read again from another offset: a publisher's retry,
     * or a replay after the partition positions were reset.
     */
    boolean firstApplication(String aggregateId, long sequence) {
        return jdbc.update("""
                INSERT INTO aggregate_position (aggregate_id, last_sequence) VALUES (?, ?)
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                WHERE aggregate_position.last_sequence < EXCLUDED.last_sequence""", aggregateId, sequence) == 1;
    }

    /** Forgets every partition position: the next assignment reads the topics from the start. */
    void resetPartitions() {
        jdbc.update("DELETE FROM consumer_position");
    }
}
