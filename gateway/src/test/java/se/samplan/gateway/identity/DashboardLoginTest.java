package se.samplan.gateway.identity;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.samplan.gateway.TestBackend;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's way in: its page and scripts load without a token under a strict content security
 * policy, and the development issuer gives the configured demo users tokens the gateway then accepts
 * (and nobody else, and not with a wrong password).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samplan.security.dev-signing-key=" + DashboardLoginTest.KEY,
        "samplan.security.dev-users=sara=sco:communicator,plan-owner;olle=sco:reader",
        "samplan.security.dev-password=demo-password"})
class DashboardLoginTest {

    static final String KEY = "test-signing-key-of-at-least-32-bytes!";
    static final HttpServer backend = TestBackend.echo(new java.util.concurrent.atomic.AtomicInteger());

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
    void thePageAndItsScriptsLoadWithoutATokenUnderAStrictContentSecurityPolicy() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<html lang=\"sv\">", "src=\"/app/main.js\"").doesNotContain("<script>"));
        for (String asset : List.of("/app/main.js", "/app/views/plan.js", "/app/app.css", "/favicon.svg")) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
        // Data is never anonymous.
        http.get().uri("/api/reports/status").exchange().expectStatus().isUnauthorized();
        http.get().uri("/auth/config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("dev").jsonPath("$.users[0].user").isEqualTo("sara");
    }

    @Test
    void aDemoUserGetsATokenTheGatewayAcceptsWithTheirAssociationAndRoles() {
        String token = http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "sara", "password", "demo-password")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();
        http.get().uri("/api/plans").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("x-samplan-roles=communicator,plan-owner;", "x-samplan-tenant=sco;", "x-samplan-user=sara;"));
    }

    @Test
    void aWrongPasswordAnUnknownUserAndMissingFieldsAreProblemsWithoutAToken() {
        http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "sara", "password", "wrong")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.access_token").doesNotExist();
        http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "mallory", "password", "demo-password")).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "sara")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void aMalformedUserListStopsTheGatewayFromStarting() {
        assertThat(DevIssuer.parse("a=sco:reader; b=vkl:communicator,plan-owner")).containsOnlyKeys("a", "b");
        assertThat(DevIssuer.parse("b=vkl:communicator,plan-owner").get("b").roles()).containsExactly("communicator", "plan-owner");
        assertThatThrownBy(() -> DevIssuer.parse("nobody")).isInstanceOf(IllegalStateException.class).hasMessageContaining("nobody");
    }
}
