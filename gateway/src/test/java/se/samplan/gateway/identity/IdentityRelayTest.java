package se.samplan.gateway.identity;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.samplan.gateway.TestBackend;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static se.samplan.gateway.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP server that echoes the identity headers it receives: what a
 * service sees comes from the validated token, never from the client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "samplan.security.dev-signing-key=" + IdentityRelayTest.KEY)
class IdentityRelayTest {

    static final String KEY = "test-signing-key-of-at-least-32-bytes!";
    static final java.util.concurrent.atomic.AtomicInteger backendHits = new java.util.concurrent.atomic.AtomicInteger();
    static final HttpServer backend = TestBackend.echo(IdentityRelayTest.backendHits);

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
    void theTenantComesFromTheTokenAndForgedHeadersAreDropped() {
        for (String path : List.of("/api/plans", "/api/activities/a-1", "/api/reports/plans", "/api/notifications/outbox")) {
            http.get().uri(path)
                    .header("Authorization", "Bearer " + token("anna", "sco", List.of("communicator"), KEY, 3600))
                    .header("X-Samplan-Tenant", "vkl")
                    .header("x-samplan-user", "mallory")
                    .header("X-Samplan-Extra", "forged")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).matches(
                            "x-samplan-roles=communicator;x-samplan-signature=\\d+\\.[A-Za-z0-9_-]{43};x-samplan-tenant=sco;x-samplan-user=anna;"));
        }
    }

    @Test
    void noTokenAnExpiredOneAForgedOneAndOneWithoutAssociationAreRefusedAsProblems() {
        http.get().uri("/api/plans").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        http.get().uri("/api/plans").header("Authorization", "Bearer " + token("anna", "sco", List.of(), KEY, -60))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/plans")
                .header("Authorization", "Bearer " + token("anna", "sco", List.of(), "another-key-of-at-least-32-bytes!!!!", 3600))
                .exchange().expectStatus().isUnauthorized();
        // Signed with the right key, but not by the development issuer.
        http.get().uri("/api/plans").header("Authorization", "Bearer " + token("someone-else", "anna", "sco", List.of(), KEY, 3600))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/plans").header("Authorization", "Bearer " + token("anna", null, List.of(), KEY, 3600))
                .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void emailLinksAndCalendarFeedsWorkWithoutALoginButCarryNoIdentity() {
        http.post().uri("/api/notifications/unsubscribe?token=abc").header("X-Samplan-Tenant", "sco").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(null);
        http.get().uri("/api/notifications/calendar/feeds/0123abcd.ics").header("X-Samplan-User", "mallory").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(null);
        http.get().uri("/api/notifications/outbox").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyRequestReachesTheServiceExactlyOnce() {
        int before = backendHits.get();
        http.post().uri("/api/plans").header("Authorization", "Bearer " + token("anna", "sco", List.of(), KEY, 3600))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"En gång\"}")
                .exchange().expectStatus().isOk();
        http.post().uri("/api/notifications/unsubscribe?token=abc").exchange().expectStatus().isOk();
        assertThat(backendHits.get() - before).isEqualTo(2);
    }

    @Test
    void healthIsOpen() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
