package se.samplan.reporting.intake;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the consumer is, stored in the projections' own database and changed in the same
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
     * Locks the partitions' positions until the transaction ends and answers the next offset of each
     * (0 for a partition never read: its row is made). A second consumer of the same partition waits
     * here until this one commits, then sees how far it got.
     */
    Map<TopicPartition, Long> lockPartitions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> next = new HashMap<>();
        partitions.stream().sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .forEach(p -> next.put(p, jdbc.queryForObject("""
                        INSERT INTO consumer_position (topic, partition, next_offset) VALUES (?, ?, 0)
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = consumer_position.next_offset
                        RETURNING next_offset""", Long.class, p.topic(), p.partition())));
        return next;
    }

    /** Stores how far the partitions locked by {@link #lockPartitions} were read. */
    void storePartitions(Map<TopicPartition, Long> next) {
        jdbc.batchUpdate("UPDATE consumer_position SET next_offset = ? WHERE topic = ? AND partition = ?",
                next.entrySet().stream().map(e -> new Object[]{e.getValue(), e.getKey().topic(), e.getKey().partition()}).toList());
    }

    /**
     * Locks the aggregates' positions until the transaction ends and answers the last sequence applied
     * of each, -1 for an aggregate never seen (its row is made, so that a consumer racing for the same
     * new aggregate waits too). In id order, so that two consumers cannot deadlock.
     */
    Map<String, Long> lockAggregates(Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        jdbc.query("""
                INSERT INTO aggregate_position (aggregate_id, last_sequence)
                SELECT id, -1 FROM unnest(?::varchar[]) AS a(id) ORDER BY id
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = aggregate_position.last_sequence
                RETURNING aggregate_id, last_sequence""",
                rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                }, (Object) aggregateIds.stream().distinct().toArray(String[]::new));
        return last;
    }

    /** Stores the last sequence applied of aggregates locked by {@link #lockAggregates}. */
    void storeAggregates(Map<String, Long> last) {
        if (last.isEmpty()) {
            return;
        }
        jdbc.update("""
                UPDATE aggregate_position p SET last_sequence = a.last_sequence
                  FROM unnest(?::varchar[], ?::bigint[]) AS a(aggregate_id, last_sequence)
                 WHERE p.aggregate_id = a.aggregate_id""",
                last.keySet().toArray(String[]::new), last.values().stream().mapToLong(Long::longValue).toArray());
    }

    /** Forgets every partition position: the next assignment reads the topics from the start. */
    void resetPartitions() {
        jdbc.update("DELETE FROM consumer_position");
    }
}
