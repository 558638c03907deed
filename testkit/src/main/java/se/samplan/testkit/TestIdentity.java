package se.samplan.testkit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity headers the gateway forwards, signed as it signs them, for tests that call a service
 * directly. Uses the development secret every service's application.yml falls back to.
 */
public final class TestIdentity {

    public static final String DEV_SECRET = "samplan-development-identity-secret-not-for-production";

    private TestIdentity() {
    }

    public static Map<String, String> headers(String tenant, String user, String roles) {
        long now = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DEV_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((tenant + "\n" + user + "\n" + roles + "\n" + now).getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Samplan-Tenant", tenant);
            headers.put("X-Samplan-User", user);
            headers.put("X-Samplan-Roles", roles);
            headers.put("X-Samplan-Signature", now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
            return headers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
