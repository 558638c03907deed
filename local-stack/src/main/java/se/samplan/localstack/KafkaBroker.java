package se.samplan.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), run from Kafka's own jars as
 * its own process, with its log directory under the stack's data directory so topics survive a
 * restart.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static ManagedProcess start(StackConfig config) throws IOException, InterruptedException {
        Path home = config.dataDir().resolve("kafka");
        Path logDirs = home.resolve("data");
        Files.createDirectories(logDirs);
        Path properties = home.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:" + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=6",
                // Topics belong to the services that publish to them.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Path logback = home.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                </configuration>
                """);
        String classpath = config.libDir().resolve("*").toString();
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(ManagedProcess.javaBinary(), "-cp", classpath,
                    "-Dlogback.configurationFile=" + logback, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.dataDir().resolve("logs/kafka.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka's storage failed; see " + config.dataDir().resolve("logs/kafka.log"));
            }
        }
        ManagedProcess broker = ManagedProcess.start("kafka", List.of(ManagedProcess.javaBinary(),
                        "-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback, "-cp", classpath,
                        "kafka.Kafka", properties.toString()),
                Map.of(), home, config.dataDir().resolve("logs"));
        awaitReady(config, broker);
        return broker;
    }

    private static void awaitReady(StackConfig config, ManagedProcess broker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Kafka stopped while starting; see " + broker.log());
            }
            Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
            try {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(300);
            } finally {
                // Bounded: a plain close() waits without limit and was seen hanging while the broker was still starting.
                admin.close(Duration.ofSeconds(5));
            }
        }
        throw new IllegalStateException("Kafka did not become ready; see " + broker.log());
    }
}
