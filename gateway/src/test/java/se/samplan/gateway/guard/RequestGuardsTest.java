package se.samplan.gateway.guard;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.context.annotation.Import;
import se.samplan.gateway.ManualTime;
import se.samplan.gateway.TestBackend;
import se.samplan.gateway.TestTokens;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Size and rate limits, CORS and the gateway's own errors, as problem+json, in front of a real HTTP server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samplan.security.dev-signing-key=" + RequestGuardsTest.KEY,
        "samplan.gateway.max-request-size=1KB",
        "samplan.gateway.user-per-second=1", "samplan.gateway.user-burst=3",
        "samplan.gateway.association-per-second=1", "samplan.gateway.association-burst=5",
        "samplan.gateway.dashboard-origins=https://samplan.example"})
@Import(ManualTime.Stopped.class)
class RequestGuardsTest {

    static final String KEY = "guards-test-signing-key-of-32-bytes-at-least";
    static final HttpServer backend = ok();

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
    /** Stands still unless the test moves it: no bucket refills while the requests run. */
    @Autowired
    ManualTime time;

    @Test
    void aPersonOverTheRateGets429WithRetryAfterAndTheAssociationIsCappedToo() {
        String anna = token("anna", "sco");
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/plans").header("Authorization", "Bearer " + anna).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/plans").header("Authorization", "Bearer " + anna).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A second later her bucket (and the association's) has one request more.
        time.advance(Duration.ofSeconds(1));
        http.get().uri("/api/plans").header("Authorization", "Bearer " + anna).exchange().expectStatus().isOk();
        http.get().uri("/api/plans").header("Authorization", "Bearer " + anna).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // Anna's colleague has a bucket of her own, but the association's is nearly spent.
        String bo = token("bo", "sco");
        http.get().uri("/api/plans").header("Authorization", "Bearer " + bo).exchange().expectStatus().isOk();
        http.get().uri("/api/plans").header("Authorization", "Bearer " + bo).exchange().expectStatus().isOk();
        http.get().uri("/api/plans").header("Authorization", "Bearer " + bo).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // Another association is not affected.
        http.get().uri("/api/plans").header("Authorization", "Bearer " + token("katja", "vkl")).exchange().expectStatus().isOk();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        http.post().uri("/api/activities").header("Authorization", "Bearer " + token("big", "vkl"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"" + "x".repeat(2_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noRouteIsAProblem404() {
        http.get().uri("/api/nothing-here").header("Authorization", "Bearer " + token("nils", "orebro")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void browsersMayCallOnlyFromTheDashboardsOrigin() {
        http.options().uri("/api/plans").header("Origin", "https://samplan.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://samplan.example");
        http.options().uri("/api/plans").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void securityHeadersAreSet() {
        var headers = http.get().uri("/actuator/health").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    private static String token(String user, String association) {
        return TestTokens.token(user, association, KEY);
    }

    private static HttpServer ok() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
