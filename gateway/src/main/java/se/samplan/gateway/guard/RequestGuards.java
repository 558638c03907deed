package se.samplan.gateway.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samplan.gateway.problem.ProblemResponses;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits before routing: the request size (413), and rate limits per person and per association
 * with token buckets (bucket4j), per client address for the paths open without a login (429 with
 * Retry-After). Buckets live in a bounded cache, so idle keys cost nothing.
 */
@Component
class RequestGuards implements GlobalFilter, Ordered {

    private final GuardProperties properties;
    /** The buckets' clock: the system's, unless a {@link TimeMeter} bean is given (tests stop time with one). */
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    RequestGuards(GuardProperties properties, ObjectProvider<TimeMeter> time) {
        this.properties = properties;
        this.time = time.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > properties.maxRequestSize().toBytes()) {
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + properties.maxRequestSize());
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .map(jwt -> refused(exchange, "user:" + jwt.getSubject(), properties.userPerSecond(), properties.userBurst())
                        .or(() -> refused(exchange, "association:" + jwt.getClaimAsString("association"),
                                properties.associationPerSecond(), properties.associationBurst())))
                .switchIfEmpty(Mono.fromSupplier(() -> refused(exchange, "address:" + address(exchange),
                        properties.anonymousPerSecond(), properties.anonymousPerSecond() * 2)))
                .flatMap(refusal -> refusal.isPresent() ? refusal.get() : chain.filter(exchange));
    }

    /** A 429 if the key's bucket is empty; nothing if the request may go on. */
    private Optional<Mono<Void>> refused(ServerWebExchange exchange, String key, long perSecond, long burst) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
        return Optional.of(ProblemResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: try again in " + retryAfter + " s"));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
