package se.samplan.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request is one trace from the gateway to the email it causes: a plan drafted through the gateway is
 * mailed to the association's inbox (PlanCreated), across plan-service's event store, its publisher, Kafka,
 * notification-service's consumer, its outbox and the SMTP send. The email names the trace in
 * X-Samplan-Trace-Id, and each process on the way logs a line of that trace.
 */
class TracingIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static final List<String> ON_THE_WAY = List.of("gateway", "plan-service", "notification-service");
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
    }

    @Test
    void aCallersTraceGoesFromTheGatewayToTheEmail() throws Exception {
        String traceId = randomHex(16);
        HttpResponse<String> created = draftPlan("Spårad plan", Optional.of("00-" + traceId + "-" + randomHex(8) + "-01"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Trace-Id")).contains(traceId);

        assertTheEmailAndEveryLogOnTheWayAreOfTrace("Spårad plan", traceId);
    }

    @Test
    void aRequestWithoutTraceStartsOneAtTheGatewayThatReachesTheEmail() throws Exception {
        HttpResponse<String> created = draftPlan("Plan med spår från gatewayen", Optional.empty());
        assertThat(created.statusCode()).isEqualTo(201);
        String traceId = created.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");

        assertTheEmailAndEveryLogOnTheWayAreOfTrace("Plan med spår från gatewayen", traceId);
    }

    private static void assertTheEmailAndEveryLogOnTheWayAreOfTrace(String title, String traceId) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> stack.receivedMail().stream()
                .filter(m -> subject(m).equals("Ny plan: " + title)).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(header(mail, "X-Samplan-Trace-Id")).isEqualTo(traceId);

        // Boot's log pattern puts [application] [thread] [traceId-spanId] on every line logged in a span.
        for (String service : ON_THE_WAY) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log(service))
                    .as("a line of trace %s in %s's log", traceId, service)
                    .anyMatch(line -> line.contains("[" + service + "] ") && line.contains("] [" + traceId + "-")));
        }
    }

    private static HttpResponse<String> draftPlan(String title, Optional<String> traceparent) throws Exception {
        String token = stack.tokens().issue("tove", "tracing-test", List.of("communicator"), Duration.ofMinutes(30));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/plans"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                        "title", title, "periodStart", "2027-01-01", "periodEnd", "2027-12-31"))));
        traceparent.ifPresent(value -> request.header("traceparent", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> log(String service) {
        Path log = stack.config().dataDir().resolve("logs").resolve(service + ".log");
        try {
            return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
