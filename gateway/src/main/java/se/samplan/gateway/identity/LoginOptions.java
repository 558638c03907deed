package se.samplan.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the dashboard how to log in: with the development issuer where the gateway has one (the
 * local stack, which lists its demo users), otherwise with the configured OIDC provider.
 */
@RestController
class LoginOptions {

    private final Optional<DevIssuer> devIssuer;
    private final String issuer;
    private final String clientId;

    LoginOptions(Optional<DevIssuer> devIssuer,
                 @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                 @Value("${samplan.dashboard.client-id:samplan-dashboard}") String clientId) {
        this.devIssuer = devIssuer;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @GetMapping("/auth/config")
    Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        devIssuer.ifPresentOrElse(dev -> {
            options.put("mode", "dev");
            options.put("users", dev.users());
        }, () -> {
            options.put("mode", "oidc");
            options.put("issuer", issuer);
            options.put("clientId", clientId);
        });
        return options;
    }
}
