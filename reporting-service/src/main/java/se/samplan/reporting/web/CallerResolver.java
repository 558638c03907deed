package se.samplan.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies the identity headers the gateway sets: only if the gateway's signature over them
 * (HMAC-SHA256 with the shared identity secret) is valid and recent is there a {@link Caller}; a
 * request that reached the service another way, or with headers set by anyone else, is refused
 * (401) where it needs one. {@link CallerFilter} verifies once per request.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    static final String SIGNATURE_HEADER = "X-Samplan-Signature";
    /** How old a signature may be: the gateway signs as it forwards. */
    private static final long MAX_AGE_SECONDS = 300;

    private final byte[] secret;
    private final Clock clock = Clock.systemUTC();

    CallerResolver(@Value("${samplan.identity.secret}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object caller = request.getAttribute(CallerFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof Caller verified) {
            return verified;
        }
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No authenticated caller");
    }

    /** The caller the identity headers name, if the gateway signed them recently; otherwise null. */
    Caller verified(HttpServletRequest request) {
        String tenant = request.getHeader(Caller.TENANT_HEADER);
        String user = request.getHeader(Caller.USER_HEADER);
        String roles = request.getHeader(Caller.ROLES_HEADER) == null ? "" : request.getHeader(Caller.ROLES_HEADER);
        if (tenant == null || tenant.isBlank() || user == null || user.isBlank()
                || !signedByGateway(tenant, user, roles, request.getHeader(SIGNATURE_HEADER))) {
            return null;
        }
        Set<String> roleSet = Arrays.stream(roles.split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Caller(tenant, user, roleSet);
    }

    private boolean signedByGateway(String tenant, String user, String roles, String signature) {
        if (signature == null || signature.indexOf('.') < 1) {
            return false;
        }
        long at;
        byte[] given;
        try {
            at = Long.parseLong(signature.substring(0, signature.indexOf('.')));
            given = Base64.getUrlDecoder().decode(signature.substring(signature.indexOf('.') + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > MAX_AGE_SECONDS) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((tenant + "\n" + user + "\n" + roles + "\n" + at).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
