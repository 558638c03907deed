package se.samplan.notification.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed unsubscribe tokens (HMAC-SHA256 over person and scope), so the link in an email works
 * without logging in and cannot be forged for someone else.
 */
@Component
public class UnsubscribeTokens {

    /** What a valid token grants. */
    public record Grant(String personId, String scope) { }

    private final byte[] secret;

    UnsubscribeTokens(@Value("${samplan.mail.token-secret}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("samplan.mail.token-secret needs at least 32 bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String personId, String scope) {
        String body = encode(personId + "\n" + scope);
        return body + "." + encode(sign(body));
    }

    /** The unsubscribe link that goes into an email: the gateway's URL with a token for person and scope. */
    public String link(String baseUrl, String personId, String scope) {
        return baseUrl + "/api/notifications/unsubscribe?token="
                + URLEncoder.encode(issue(personId, scope), StandardCharsets.UTF_8);
    }

    public Optional<Grant> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", 2);
        return parts.length == 2 ? Optional.of(new Grant(parts[0], parts[1])) : Optional.empty();
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
