package se.samplan.testkit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RealInfrastructure.class)
class RealInfrastructureTest {

    @Test
    void postgresGivesEachCallerItsOwnDatabaseOnAServerWithTransactionTimeout(TestPostgres postgres) throws Exception {
        String first = postgres.createDatabase("kit");
        String second = postgres.createDatabase("kit");
        assertThat(first).isNotEqualTo(second);
        try (Connection connection = DriverManager.getConnection(first, postgres.user(), postgres.password())) {
            connection.createStatement().execute("CREATE TABLE t (id int)");
            connection.createStatement().execute("INSERT INTO t VALUES (1)");
            ResultSet setting = connection.createStatement().executeQuery("SHOW transaction_timeout");
            assertThat(setting.next()).isTrue();
        }
        try (Connection connection = DriverManager.getConnection(second, postgres.user(), postgres.password())) {
            assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT * FROM t"))
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void kafkaRoundTripsARecordInOrderPerKey(TestKafka kafka) {
        kafka.createTopic("kit.roundtrip", 3);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("kit.roundtrip", "aggregate-1", "event-" + i));
            }
            producer.flush();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kit",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("kit.roundtrip"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 5 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
    }

    @Test
    void smtpReceivesMailAndRefusesItWhileDown(TestSmtp smtp) throws Exception {
        send(smtp, "first");
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received().get(0).getSubject()).isEqualTo("first");

        smtp.down();
        assertThatThrownBy(() -> send(smtp, "lost")).isInstanceOf(jakarta.mail.MessagingException.class);
        smtp.up();
        send(smtp, "second");
        assertThat(smtp.received()).extracting(MimeMessage::getSubject).containsExactly("second");
    }

    private static void send(TestSmtp smtp, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("kit@samplan.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@samplan.local"));
        message.setSubject(subject);
        message.setText("Hej");
        Transport.send(message);
    }
}
