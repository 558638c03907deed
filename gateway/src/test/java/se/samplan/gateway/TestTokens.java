package se.samplan.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens as the gateway's development issuer signs them, for the gateway's tests. */
public final class TestTokens {

    /** The development issuer's name, as {@code SecurityConfiguration} checks it. */
    public static final String DEV_ISSUER = "samplan-dev";

    private TestTokens() {
    }

    /** A token for {@code user} of {@code association} (none if null), valid for ten minutes. */
    public static String token(String user, String association, String key) {
        return token(user, association, List.of(), key, 600);
    }

    /** A token with {@code roles}, signed with {@code key}, expiring {@code validSeconds} from now (negative: expired). */
    public static String token(String user, String association, List<String> roles, String key, long validSeconds) {
        return token(DEV_ISSUER, user, association, roles, key, validSeconds);
    }

    /** As above, but naming {@code issuer} as its issuer. */
    public static String token(String issuer, String user, String association, List<String> roles, String key, long validSeconds) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(user)
                    .claim("roles", roles)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
            if (association != null) {
                claims.claim("association", association);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
