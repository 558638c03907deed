package se.samplan.gateway.identity;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import se.samplan.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fixes who is calling for the services: drops every identity header a client sent and sets the
 * tenant (the token's {@code association} claim), the person ({@code sub}) and the roles from the
 * validated token, signed (see {@link IdentitySigner}). A service never sees a tenant the caller chose.
 */
@Component
class IdentityRelay implements GlobalFilter, Ordered {

    static final String PREFIX = "x-samplan-";
    static final String TENANT = "X-Samplan-Tenant";
    static final String USER = "X-Samplan-User";
    static final String ROLES = "X-Samplan-Roles";

    private final IdentitySigner signer;

    IdentityRelay(IdentitySigner signer) {
        this.signer = signer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // Mono<Void> completes empty: decide on the principal first, then run the chain exactly once.
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(((JwtAuthenticationToken) principal).getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(jwt -> jwt.isPresent()
                        ? relay(exchange, chain, jwt.get())
                        // No token: only the paths security lets through anonymously get here; no identity goes on.
                        : chain.filter(exchange.mutate().request(exchange.getRequest().mutate()
                        .headers(IdentityRelay::stripIdentity).build()).build()));
    }

    private Mono<Void> relay(ServerWebExchange exchange, GatewayFilterChain chain, Jwt jwt) {
        String association = jwt.getClaimAsString("association");
        if (association == null || association.isBlank()) {
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
                    "The token names no association");
        }
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        String roleList = String.join(",", roles);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            stripIdentity(headers);
            headers.set(TENANT, association);
            headers.set(USER, jwt.getSubject());
            headers.set(ROLES, roleList);
            headers.set(IdentitySigner.SIGNATURE, signer.sign(association, jwt.getSubject(), roleList));
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    static void stripIdentity(HttpHeaders headers) {
        List<String> forged = headers.keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        forged.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
