package se.samplan.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One real Kafka broker (KRaft mode) per test JVM: {@code SAMPLAN_TEST_KAFKA_BOOTSTRAP} names an
 * external one; else Testcontainers' {@code apache/kafka} where a Docker engine answers; else a
 * broker from Kafka's own jars, in this JVM.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static volatile TestKafka instance;

    private final String bootstrapServers;
    private final String source;

    private TestKafka(String bootstrapServers, String source) {
        this.bootstrapServers = bootstrapServers;
        this.source = source;
    }

    /** The JVM's broker, started on first use. */
    public static TestKafka get() {
        TestKafka current = instance;
        if (current == null) {
            synchronized (TestKafka.class) {
                current = instance;
                if (current == null) {
                    long started = System.nanoTime();
                    current = start();
                    log.info("Kafka ({}) ready at {} in {} ms", current.source, current.bootstrapServers,
                            (System.nanoTime() - started) / 1_000_000);
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestKafka start() {
        String external = System.getenv("SAMPLAN_TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return new TestKafka(external, "external");
        }
        if (TestPostgres.Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
            container.start();
            StopLast.onExit("stop-kafka", container::stop);
            return new TestKafka(container.getBootstrapServers(), "Testcontainers");
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        StopLast.onExit("stop-kafka", broker::destroy);
        return new TestKafka(broker.getBrokersAsString(), "embedded KRaft");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String source() {
        return source;
    }

    /** Creates a topic unless it exists; a test that needs a fresh one names it uniquely. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
