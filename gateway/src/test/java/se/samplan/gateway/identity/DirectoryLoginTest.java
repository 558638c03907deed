package se.samplan.gateway.identity;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samplan.gateway.TestBackend;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development login asks plan-service's member directory first: an invited member logs in by
 * address with the association and roles the directory gives, a member the directory removed is
 * refused, and the configured demo users the directory does not know (or while it does not answer)
 * still log in. The directory is a real HTTP server standing in for plan-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samplan.security.dev-signing-key=" + DirectoryLoginTest.KEY,
        "samplan.security.dev-users=sara=sco:communicator,plan-owner;gone=sco:association-admin",
        "samplan.security.dev-password=demo-password"})
class DirectoryLoginTest {

    static final String KEY = "test-signing-key-of-at-least-32-bytes!";
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static final AtomicBoolean down = new AtomicBoolean();
    static final HttpServer planService = planService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestBackend.routeEveryService(registry, planService);
    }

    @AfterAll
    static void stop() {
        planService.stop(0);
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void reset() {
        asked.clear();
        down.set(false);
    }

    @Test
    void anInvitedMemberLogsInByAddressWithTheDirectorysAssociationAndRoles() {
        Map<?, ?> login = login("Inez@Finsam.example", "demo-password", 200);
        assertThat(login.get("user")).isEqualTo("inez-7");
        assertThat(login.get("association")).isEqualTo("finsam-lekeberg-orebro");
        assertThat(login.get("roles")).isEqualTo(List.of("communicator", "reader"));
        assertThat(asked).containsExactly("Inez@Finsam.example by system:gateway of platform as platform-admin, signed");

        // The token works through the gateway: the service sees the directory's identity.
        http.get().uri("/api/plans").header("Authorization", "Bearer " + login.get("access_token")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("x-samplan-tenant=finsam-lekeberg-orebro;",
                        "x-samplan-user=inez-7;", "x-samplan-roles=communicator,reader;"));
    }

    @Test
    void aRemovedMemberIsRefusedEvenIfConfiguredAndAWrongPasswordAsksNoOne() {
        http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "gone", "password", "demo-password")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.access_token").doesNotExist();
        asked.clear();
        http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "inez@finsam.example", "password", "wrong")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(asked).as("no first login is recorded for a wrong password").isEmpty();
    }

    @Test
    void configuredDemoUsersTheDirectoryDoesNotKnowLogInAsConfiguredAlsoWhileItIsDown() {
        assertThat(login("sara", "demo-password", 200).get("roles")).isEqualTo(List.of("communicator", "plan-owner"));
        down.set(true);
        assertThat(login("sara", "demo-password", 200).get("association")).isEqualTo("sco");
        // An invited member needs the directory: without its answer they are unknown.
        login("inez@finsam.example", "demo-password", 401);
        assertThat(asked).hasSize(3);
    }

    private Map<?, ?> login(String username, String password, int status) {
        return http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** plan-service: its directory's login answers, and every other path echoes the identity it got. */
    private static HttpServer planService() {
        HttpServer server = TestBackend.echo(new java.util.concurrent.atomic.AtomicInteger());
        server.createContext("/internal/logins", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String login = body.replaceAll(".*\"login\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            var headers = exchange.getRequestHeaders();
            asked.add(login + " by " + headers.getFirst("X-Samplan-User") + " of " + headers.getFirst("X-Samplan-Tenant")
                    + " as " + headers.getFirst("X-Samplan-Roles")
                    + (String.valueOf(headers.getFirst("X-Samplan-Signature")).matches("\\d+\\.[A-Za-z0-9_-]{43}") ? ", signed" : ""));
            int status;
            String answer = "{}";
            if (down.get()) {
                status = 503;
            } else if (login.equalsIgnoreCase("inez@finsam.example")) {
                status = 200;
                answer = "{\"memberId\":\"inez-7\",\"associationId\":\"finsam-lekeberg-orebro\","
                        + "\"roles\":[\"communicator\",\"reader\"],\"status\":\"ACTIVE\"}";
            } else {
                status = login.equals("gone") ? 410 : 404;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return server;
    }
}
