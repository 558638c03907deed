package se.samplan.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limits of this machine, measured on the same PostgreSQL and Kafka the platform uses:
 * single-row inserts of an event-sized row, each its own committed (fsync'd) transaction; a
 * sequential scan of the event table; Kafka produce and consume rates.
 */
final class Baselines {

    /** An event as the activity event store holds it: its JSON payload and metadata, about 700 bytes. */
    static final byte[] PAYLOAD = ("{\"activityId\":\"" + UUID.randomUUID() + "\",\"associationId\":\"bench-a01\",\"planId\":\""
            + UUID.randomUUID() + "\",\"title\":\"Aktivitet 17 bench-a01-u0\",\"description\":null,\"kind\":\"ACTIVITY\","
            + "\"targetGroups\":[],\"channel\":null,\"responsible\":[],\"need\":null,\"how\":null,\"budgetSek\":null,"
            + "\"comment\":null,\"schedule\":{\"kind\":\"DATE\",\"date\":\"2027-01-15\",\"month\":null,\"milestoneId\":null,"
            + "\"daysBefore\":null,\"recurrence\":null,\"perMember\":null},\"occurrences\":[{\"occurrenceId\":\"once\","
            + "\"dueDate\":\"2027-01-15\",\"dueMonth\":null,\"member\":null}]}").getBytes(StandardCharsets.UTF_8);
    static final byte[] METADATA = ("{\"actor\":\"bench-a01-u0\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private Baselines() {
    }

    /** Inserts per second into a copy of the event table, {@code threads} writers, each insert committed alone. */
    static double inserts(String url, int threads, Duration duration) throws Exception {
        try (Connection setup = DriverManager.getConnection(url, "postgres", "postgres"); Statement ddl = setup.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_raw_event");
            ddl.execute("CREATE TABLE bench_raw_event (LIKE domain_event_entry INCLUDING ALL)");
            ddl.execute("CREATE SEQUENCE IF NOT EXISTS bench_raw_index");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                     PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO bench_raw_event (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                                 time_stamp, payload_type, payload_revision, payload, meta_data)
                             VALUES (nextval('bench_raw_index'), ?, ?, 0, 'Activity', ?, 'se.samplan.events.activity.ActivityScheduled', '2', ?, ?)""")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, Instant.now().toString());
                        insert.setBytes(4, PAYLOAD);
                        insert.setBytes(5, METADATA);
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> writer : writers) {
            writer.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        try (Connection setup = DriverManager.getConnection(url, "postgres", "postgres"); Statement ddl = setup.createStatement()) {
            ddl.execute("DROP TABLE bench_raw_event");
        }
        return done.get() / seconds;
    }

    /** Rows per second of a plain sequential read of the whole event table, every column, streamed; the second of two passes. */
    static double[] scan(String url) throws Exception {
        double rate = 0;
        long rows = 0;
        for (int pass = 0; pass < 2; pass++) {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
                connection.setAutoCommit(false);
                try (Statement scan = connection.createStatement()) {
                    scan.setFetchSize(10_000);
                    long started = System.nanoTime();
                    rows = 0;
                    long bytes = 0;
                    try (ResultSet rs = scan.executeQuery("SELECT global_index, event_identifier, aggregate_identifier, sequence_number, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry")) {
                        while (rs.next()) {
                            bytes += rs.getBytes(9).length + rs.getString(3).length();
                            rows++;
                        }
                    }
                    rate = rows / ((System.nanoTime() - started) / 1e9);
                    if (bytes < 0) {
                        throw new IllegalStateException();
                    }
                }
            }
        }
        return new double[] {rate, rows};
    }

    /** Records per second produced (acks=all, as the publishers send) and then consumed, of event-sized records. */
    static double[] kafka(String bootstrap, int records) throws Exception {
        String topic = "bench.raw." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[PAYLOAD.length + 300];
        System.arraycopy(PAYLOAD, 0, value, 0, PAYLOAD.length);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "aggregate-" + (i % 10_000), value));
            }
            producer.flush();
        }
        double produced = records / ((System.nanoTime() - started) / 1e9);

        long read = 0;
        started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = Replay.consumer(bootstrap, 2000)) {
            List<TopicPartition> partitions = Replay.partitions(consumer, List.of(topic));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < records) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofSeconds(1));
                read += batch.count();
            }
        }
        double consumed = read / ((System.nanoTime() - started) / 1e9);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return new double[] {produced, consumed};
    }
}
