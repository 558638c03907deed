package se.samplan.gateway.tracing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samplan.gateway.TestBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway continues a caller's W3C trace: the service behind it gets a {@code traceparent} of the same trace
 * (with the gateway's own span as parent), and the caller gets the trace id back in {@code X-Trace-Id}.
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samplan.security.dev-signing-key=test-signing-key-of-at-least-32-bytes!")
class TraceContinuationTest {

    static final HttpServer backend = TestBackend.answering(headers -> String.valueOf(headers.getFirst("traceparent")));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestBackend.routeEveryService(registry, backend);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @Autowired
    WebTestClient http;

    @Test
    void aCallersTraceGoesOnToTheServiceAndItsIdComesBack() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        // Open without a login, so the request reaches the service without a token.
        http.post().uri("/api/notifications/unsubscribe?token=abc")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(AccessLog.TRACE_ID_HEADER, traceId)
                .expectBody(String.class)
                .value(received -> assertThat(received)
                        .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                        .doesNotContain(callerSpan));
    }

    @Test
    void aRequestWithoutTraceStartsOneAndSaysWhich() {
        var result = http.post().uri("/api/notifications/unsubscribe?token=abc")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);
        String traceId = result.getResponseHeaders().getFirst(AccessLog.TRACE_ID_HEADER);
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(result.getResponseBody().blockFirst()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }
}
