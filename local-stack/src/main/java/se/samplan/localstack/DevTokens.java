package se.samplan.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The local stack's development token issuer: HS256 tokens that the gateway accepts when it runs
 * with the same development key. Production gateways accept only their OIDC issuer.
 */
public final class DevTokens {

    public static final String ISSUER = "samplan-dev";

    private final byte[] key;

    public DevTokens(String signingKey) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String user, String association, List<String> roles, Duration validFor) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("association", association)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(validFor)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }
}
