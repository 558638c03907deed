package se.samplan.gateway.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;

/**
 * Signs the identity the gateway forwards (HMAC-SHA256 over tenant, user, roles and time), so a
 * service reached without the gateway, or a header set by anyone else, is refused.
 */
@Component
class IdentitySigner {

    static final String SIGNATURE = "X-Samplan-Signature";

    private final byte[] secret;
    private final Clock clock = Clock.systemUTC();

    IdentitySigner(@Value("${samplan.identity.secret}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("samplan.identity.secret needs at least 32 bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <epoch seconds>.<base64url HMAC>} of the identity. */
    String sign(String tenant, String user, String roles) {
        long now = clock.instant().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((tenant + "\n" + user + "\n" + roles + "\n" + now).getBytes(StandardCharsets.UTF_8));
            return now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
