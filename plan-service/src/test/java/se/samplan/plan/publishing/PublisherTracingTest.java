package se.samplan.plan.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samplan.plan.PlanServiceTestSupport;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.plan.PlanServiceTestSupport.as;
import static se.samplan.plan.PlanServiceTestSupport.client;
import static se.samplan.plan.PlanServiceTestSupport.start;

/**
 * A request's trace goes with the events it causes: into their metadata in the event store, and from there onto
 * the Kafka record as its {@code traceparent} header, so the consumers continue the same trace. With an OTLP
 * endpoint set, the service's spans of that trace are exported there.
 */
class PublisherTracingTest {

    @Test
    void theRecordOfAnEventCarriesTheTraceOfTheRequestThatCausedIt() {
        String topic = "samplan.plans.tracing-" + UUID.randomUUID();
        Map<String, Object> properties = PlanServiceTestSupport.freshProperties();
        properties.put("samplan.publishing.topic", topic);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestSpan = "00f067aa0ba902b7";
        List<byte[]> exported = new CopyOnWriteArrayList<>();
        HttpServer collector = collector(exported);
        properties.put("management.otlp.tracing.endpoint",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");

        try (ConfigurableApplicationContext service = start(properties);
             TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), topic)) {
            HttpEntity<Object> request = as("sco", "person-1", Map.of("title", "Spårad plan"));
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(request.getHeaders());
            headers.set("traceparent", "00-" + traceId + "-" + requestSpan + "-01");
            ResponseEntity<JsonNode> created = client(service).postForEntity("/api/plans",
                    new HttpEntity<>(request.getBody(), headers), JsonNode.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String planId = created.getBody().get("planId").asText();

            String stored = service.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                    String.class, planId);
            assertThat(stored).contains("\"traceparent\":\"00-" + traceId + "-");

            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> planId.equals(r.key()), 1,
                    Duration.ofSeconds(60));
            Header header = records.get(0).headers().lastHeader("traceparent");
            assertThat(header).as("traceparent header").isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8))
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(requestSpan);

            // OTLP protobuf carries trace ids as their 16 bytes.
            byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
            await().atMost(Duration.ofSeconds(30)).until(() -> exported.stream().anyMatch(body ->
                    indexOf(body, traceIdBytes) >= 0 && indexOf(body, "plan-service".getBytes(StandardCharsets.UTF_8)) >= 0));
        } finally {
            collector.stop(0);
        }
    }

    /** Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: keeps every body posted to /v1/traces. */
    private static HttpServer collector(List<byte[]> bodies) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                bodies.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
