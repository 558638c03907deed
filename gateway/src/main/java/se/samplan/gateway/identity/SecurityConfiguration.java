package se.samplan.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import se.samplan.gateway.problem.ProblemResponses;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Every API call needs a valid bearer token. In production the token's issuer is the configured
 * OIDC provider ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); in development,
 * tokens signed with {@code samplan.security.dev-signing-key} by the local stack's issuer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String DEV_ISSUER = "samplan-dev";

    /** connect-src also names the OIDC provider: the dashboard fetches its discovery document and tokens. */
    static String contentSecurityPolicy(String issuer) {
        String provider = issuer == null || issuer.isBlank() ? "" : " " + java.net.URI.create(issuer).resolve("/").toString()
                .replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + provider
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + provider;
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http,
                                    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)   // bearer tokens, no cookies
                .cors(withDefaults())
                // Stateless: every request is judged by its own token, never by a session.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // The dashboard loads only its own scripts, styles and API: no inline script, no other origin.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        // The dashboard's page and assets hold no data; the data comes from /api with a token.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/", "/index.html", "/app/**", "/favicon.svg").permitAll()
                        .pathMatchers("/auth/config", "/auth/dev/token").permitAll()
                        // Links in emails and calendar subscriptions work without a login: a signed
                        // token or a secret in the URL is their authority, checked by the service.
                        .pathMatchers("/api/notifications/unsubscribe", "/api/notifications/calendar/feeds/**").permitAll()
                        .pathMatchers(org.springframework.http.HttpMethod.OPTIONS, "/api/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(withDefaults())
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "Not allowed")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required")))
                .build();
    }

    /**
     * Production behind a network split (docker-compose): the browser reaches the OIDC provider at its
     * public address, which is the tokens' issuer, while the gateway fetches the signing keys by an
     * internal address. The issuer is still checked against the configured one.
     */
    @Bean
    @ConditionalOnExpression("!'${samplan.security.jwk-set-uri:}'.isEmpty() and '${samplan.security.dev-signing-key:}'.isEmpty()")
    ReactiveJwtDecoder oidcJwtDecoder(@Value("${samplan.security.jwk-set-uri}") String jwkSetUri,
                                      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    /** Development only: HS256 tokens from the local stack. Never set the key in production. */
    @Bean
    @ConditionalOnExpression("!'${samplan.security.dev-signing-key:}'.isEmpty()")
    ReactiveJwtDecoder devJwtDecoder(@Value("${samplan.security.dev-signing-key}") String key) {
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("samplan.security.dev-signing-key needs at least 32 bytes");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(secret, "HmacSHA256")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(DEV_ISSUER)));
        // The dev issuer is a name, not a URL: the default claim converter would try to make it one, and throw and
        // catch an exception on every request (about 2 % of the gateway's CPU in a profile of plan reads).
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer)));
        return decoder;
    }
}
