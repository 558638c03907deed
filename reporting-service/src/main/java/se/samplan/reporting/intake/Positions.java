package se.samplan.reporting.intake;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
     * The last sequence applied of each aggregate, -1 for an aggregate never seen. Read without a lock:
     * {@link #storeAggregates} checks that nobody moved them meanwhile. (A partition is applied by one
     * consumer at a time already, {@link #lockPartitions}; an aggregate meets a second consumer only
     * if its events are on two partitions, as after a topic gains partitions.)
     */
    Map<String, Long> lastApplied(Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        String[] ids = aggregateIds.stream().distinct().toArray(String[]::new);
        for (String id : ids) {
            last.put(id, -1L);
        }
        jdbc.query("SELECT aggregate_id, last_sequence FROM aggregate_position WHERE aggregate_id = ANY(?::varchar[])",
                rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                }, (Object) ids);
        return last;
    }

    /**
     * Stores the last sequence applied of aggregates, each only if it is still what {@link #lastApplied}
     * read (a new aggregate's row is inserted, so a second insert fails on the key). One write per
     * aggregate and poll, and no lock held while the poll is applied.
     *
     * @throws ConcurrentApplication when another consumer applied one of them meanwhile: the caller's
     *                               transaction must roll back, and its records be read again
     */
    void storeAggregates(Map<String, Long> applied, Map<String, Long> seen) {
        if (applied.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Long>> known = applied.entrySet().stream().filter(e -> seen.get(e.getKey()) >= 0).toList();
        String[] newIds = applied.keySet().stream().filter(id -> seen.get(id) < 0).sorted().toArray(String[]::new);
        if (newIds.length > 0) {
            jdbc.update("INSERT INTO aggregate_position (aggregate_id, last_sequence) SELECT * FROM unnest(?::varchar[], ?::bigint[])",
                    newIds, Arrays.stream(newIds).mapToLong(applied::get).toArray());
        }
        if (known.isEmpty()) {
            return;
        }
        int moved = jdbc.update("""
                UPDATE aggregate_position p SET last_sequence = a.last_sequence
                  FROM unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS a(aggregate_id, seen, last_sequence)
                 WHERE p.aggregate_id = a.aggregate_id AND p.last_sequence = a.seen""",
                known.stream().map(Map.Entry::getKey).toArray(String[]::new),
                known.stream().mapToLong(e -> seen.get(e.getKey())).toArray(),
                known.stream().mapToLong(Map.Entry::getValue).toArray());
        if (moved != known.size()) {
            throw new ConcurrentApplication(known.size() - moved);
        }
    }

    /** Another consumer applied some of a poll's aggregates while it was applied. */
    static final class ConcurrentApplication extends RuntimeException {
        ConcurrentApplication(int aggregates) {
            super(aggregates + " aggregates were applied by another consumer meanwhile");
        }
    }

    /** Forgets every partition position: the next assignment reads the topics from the start. */
    void resetPartitions() {
        jdbc.update("DELETE FROM consumer_position");
    }
}
