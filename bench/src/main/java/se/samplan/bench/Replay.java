package se.samplan.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event history the replay and the scale figures need, made from the real events the command
 * load left on the topics: each copy renames every id (a name-based UUID of the old id and the copy
 * number) and every bench association ({@code bench-a07} → {@code bench-a07-c3}), so a copy is a
 * new association with the same history, in the same order per aggregate.
 */
final class Replay {

    static final List<String> TOPICS = List.of("samplan.plans.v1", "samplan.activities.v1");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ASSOCIATION = Pattern.compile("\"(bench-a\\d\\d)");

    record Event(String topic, String key, String value) {
    }

    private Replay() {
    }

    /** Every record now on the topics, in partition order. */
    static List<Event> read(String bootstrap) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, 5000)) {
            List<TopicPartition> partitions = partitions(consumer, TOPICS);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    events.add(new Event(record.topic(), record.key(), new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return events;
    }

    /**
     * The command load's own events, read once before any copy, and the copies made of them so far:
     * growing again adds further copies of the originals, never copies of copies.
     */
    static final class History {
        private final String bootstrap;
        private final List<Event> originals;
        private long held;
        private int copies;

        private History(String bootstrap, List<Event> originals) {
            this.bootstrap = bootstrap;
            this.originals = originals;
            this.held = originals.size();
        }

        /** The records now on the topics, taken as the originals. */
        static History read(String bootstrap) {
            return new History(bootstrap, Replay.read(bootstrap));
        }

        /** Adds copies until the topics hold at least {@code total} events; answers how many they hold. */
        long growTo(long total) {
            if (originals.isEmpty()) {
                throw new IllegalStateException("No events on the topics to copy");
            }
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
                while (held < total) {
                    int copy = ++copies;
                    Map<String, String> renamed = new HashMap<>();
                    // A copy is whole (every aggregate's full history) unless the total ends it.
                    for (Event event : originals) {
                        if (held >= total) {
                            break;
                        }
                        String value = rename(event.value(), copy, renamed);
                        String key = rename(event.key(), copy, renamed);
                        producer.send(new ProducerRecord<>(event.topic(), key, value.getBytes(StandardCharsets.UTF_8)));
                        held++;
                    }
                }
                producer.flush();
            }
            return held;
        }

        /** Copies made so far: each is a new association for every original one. */
        int copies() {
            return copies;
        }
    }

    private static String rename(String text, int copy, Map<String, String> renamed) {
        Matcher ids = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (ids.find()) {
            ids.appendReplacement(out, renamed.computeIfAbsent(ids.group(), id ->
                    UUID.nameUUIDFromBytes((id + "/" + copy).getBytes(StandardCharsets.UTF_8)).toString()));
        }
        ids.appendTail(out);
        return ASSOCIATION.matcher(out).replaceAll("\"$1-c" + copy);
    }

    /** The next offsets reporting has stored, summed over its partitions (-1 when it has none). */
    static long positions(String reportingUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(reportingUrl, "postgres", "postgres");
             Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT count(*), coalesce(sum(next_offset), 0) FROM consumer_position")) {
            rs.next();
            return rs.getLong(1) == 0 ? -1 : rs.getLong(2);
        }
    }

    /** The topics' end offsets, summed. */
    static long ends(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, 500)) {
            return consumer.endOffsets(partitions(consumer, TOPICS)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A consumer without a group (the bench assigns partitions itself), reading {@code maxPoll} records a poll. */
    static KafkaConsumer<String, byte[]> consumer(String bootstrap, int maxPoll) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
        return new KafkaConsumer<>(properties);
    }

    /** Every partition of the topics. */
    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }
}
