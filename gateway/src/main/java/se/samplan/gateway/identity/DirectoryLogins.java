package se.samplan.gateway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks plan-service's member directory who a development login is (a member id or an address), so
 * the token carries the association and roles the association's admins gave, not those of a
 * configuration. Signs its identity as {@link IdentityRelay} does, as the system user
 * {@code system:gateway}. The directory also marks the first login of an invited member.
 */
class DirectoryLogins {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLogins.class);
    static final String USER = "system:gateway";
    static final String TENANT = "platform";
    static final String ROLES = "platform-admin";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the directory said of a login. */
    sealed interface Answer permits Member, Unknown, Removed, Unavailable { }

    record Member(String memberId, String associationId, List<String> roles) implements Answer { }

    /** The directory does not know the login. */
    record Unknown() implements Answer { }

    /** The login was a member, and was removed. */
    record Removed() implements Answer { }

    /** No answer now (plan-service down or not reachable). */
    record Unavailable() implements Answer { }

    private final WebClient client;
    private final IdentitySigner signer;

    DirectoryLogins(WebClient client, IdentitySigner signer) {
        this.client = client;
        this.signer = signer;
    }

    Mono<Answer> login(String login) {
        return client.post().uri("/internal/logins")
                .header(IdentityRelay.TENANT, TENANT)
                .header(IdentityRelay.USER, USER)
                .header(IdentityRelay.ROLES, ROLES)
                .header(IdentitySigner.SIGNATURE, signer.sign(TENANT, USER, ROLES))
                .bodyValue(Map.of("login", login))
                .retrieve()
                .bodyToMono(Member.class)
                .<Answer>map(member -> member)
                .timeout(TIMEOUT)
                .onErrorResume(WebClientResponseException.class, e -> Mono.just(
                        e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) ? new Unknown()
                                : e.getStatusCode().isSameCodeAs(HttpStatus.GONE) ? new Removed() : unavailable(e)))
                .onErrorResume(e -> Mono.just(unavailable(e)))
                .defaultIfEmpty(new Unavailable());
    }

    private static Answer unavailable(Throwable e) {
        log.warn("The member directory did not answer a login ({}): only the configured demo users log in", e.toString());
        return new Unavailable();
    }
}
