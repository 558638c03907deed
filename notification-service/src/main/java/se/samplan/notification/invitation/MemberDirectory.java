package se.samplan.notification.invitation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * plan-service's member directory, asked for an invited member's name and address at the moment the
 * invitation is made (they are never in events). Signs its identity as the gateway does, as the
 * system user {@code system:notification-service} of the member's association.
 */
@Component
class MemberDirectory {

    static final String USER = "system:notification-service";

    /** A current member as the directory has them. */
    record Member(String memberId, String associationId, String associationName, String name, String email,
                  String language, List<String> roles, String status) { }

    /** The directory's answer: the member, gone (never invited or since removed), or no answer now. */
    sealed interface Answer permits Found, Gone, Unavailable { }

    record Found(Member member) implements Answer { }

    record Gone() implements Answer { }

    record Unavailable(String why) implements Answer { }

    private final RestClient client;
    private final byte[] secret;

    MemberDirectory(@Value("${samplan.directory.url}") String url, @Value("${samplan.identity.secret}") String secret) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.client = RestClient.builder().baseUrl(url).requestFactory(requests).build();
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    Answer member(String associationId, String memberId) {
        try {
            Member member = client.get().uri("/internal/associations/{a}/members/{m}", associationId, memberId)
                    .header("X-Samplan-Tenant", associationId)
                    .header("X-Samplan-User", USER)
                    .header("X-Samplan-Roles", "")
                    .header("X-Samplan-Signature", sign(associationId, USER, ""))
                    .retrieve().body(Member.class);
            return member == null ? new Unavailable("empty answer") : new Found(member);
        } catch (RestClientResponseException e) {
            return e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404)) ? new Gone()
                    : new Unavailable(e.getStatusCode().toString());
        } catch (RestClientException e) {
            return new Unavailable(e.getMessage());
        }
    }

    /** {@code <epoch seconds>.<base64url HMAC-SHA256>} over tenant, user, roles and time, as services check it. */
    private String sign(String tenant, String user, String roles) {
        long now = Instant.now().getEpochSecond();
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
