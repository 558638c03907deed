package se.samplan.gateway.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The development token issuer: exists only where {@code samplan.security.dev-signing-key} is set
 * (the local stack), so the dashboard can log in without an external OIDC server. It issues the same
 * HS256 tokens the gateway's development decoder accepts, with the shared development password, to
 * the members of plan-service's association directory (by member id or address, with the directory's
 * association and roles) and to the configured demo users the directory does not know. A member the
 * directory removed is refused. Production has no such key and its gateway accepts only the
 * configured OIDC issuer.
 */
@RestController
@ConditionalOnExpression("!'${samplan.security.dev-signing-key:}'.isEmpty()")
class DevIssuer {

    static final Duration VALIDITY = Duration.ofHours(8);

    /** A demo user: who they are, their association and roles. */
    record DevUser(String user, String association, List<String> roles) {
    }

    record TokenRequest(String username, String password) {
    }

    private final NimbusJwtEncoder encoder;
    private final Map<String, DevUser> users;
    private final byte[] password;
    private final DirectoryLogins directory;

    DevIssuer(@Value("${samplan.security.dev-signing-key}") String key,
              @Value("${samplan.security.dev-users:}") String users,
              @Value("${samplan.security.dev-password:samplan}") String password,
              @Value("${samplan.security.directory-url}") String directoryUrl,
              WebClient.Builder web, IdentitySigner signer) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        this.users = parse(users);
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.directory = new DirectoryLogins(web.clone().baseUrl(directoryUrl).build(), signer);
    }

    /** {@code sara=sco:communicator,plan-owner;lena=finsam:association-admin}: one entry per user. */
    static Map<String, DevUser> parse(String spec) {
        Map<String, DevUser> parsed = new LinkedHashMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] userAndRest = entry.trim().split("=", 2);
            String[] associationAndRoles = userAndRest.length == 2 ? userAndRest[1].split(":", 2) : new String[0];
            if (associationAndRoles.length != 2 || userAndRest[0].isBlank() || associationAndRoles[0].isBlank()) {
                throw new IllegalStateException("samplan.security.dev-users: '" + entry + "' is not user=association:role,role");
            }
            List<String> roles = Arrays.stream(associationAndRoles[1].split(",")).map(String::trim)
                    .filter(role -> !role.isEmpty()).toList();
            parsed.put(userAndRest[0].trim(), new DevUser(userAndRest[0].trim(), associationAndRoles[0].trim(), roles));
        }
        return parsed;
    }

    @PostMapping(path = "/auth/dev/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> token(@RequestBody TokenRequest request) {
        if (request == null || request.username() == null || request.username().isBlank()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "Give a user name", "username"));
        }
        if (request.password() == null || request.password().isEmpty()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "Give the password", "password"));
        }
        // Constant-time comparison: the answer's timing tells nothing about the password.
        if (!MessageDigest.isEqual(password, request.password().getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password", null));
        }
        String login = request.username().trim();
        // Asked only with the right password: the directory marks a first login as the member joining.
        return directory.login(login).map(answer -> {
            if (answer instanceof DirectoryLogins.Member member) {
                return issue(new DevUser(member.memberId(), member.associationId(), member.roles()));
            }
            if (answer instanceof DirectoryLogins.Removed) {
                return problem(HttpStatus.UNAUTHORIZED, "No longer a member of an association", null);
            }
            // Not in the directory, or no answer: the configured demo users still log in.
            return configured(login);
        });
    }

    private ResponseEntity<?> configured(String login) {
        DevUser user = users.get(login);
        return user == null ? problem(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password", null) : issue(user);
    }

    private ResponseEntity<?> issue(DevUser user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(SecurityConfiguration.DEV_ISSUER)
                .subject(user.user())
                .claim("association", user.association())
                .claim("roles", user.roles())
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", VALIDITY.toSeconds(), "user", user.user(), "association", user.association(),
                "roles", user.roles()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    List<DevUser> users() {
        return List.copyOf(users.values());
    }
}
