package se.samplan.notification;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Real infrastructure for this service's tests: a fresh database, topics of the test's own, a real SMTP server. */
public final class NotificationTestSupport {

    private NotificationTestSupport() {
    }

    public record Topics(String plans, String activities, String reports) { }

    public static Topics topics() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("plans-" + suffix, "activities-" + suffix, "reports-" + suffix);
        for (String topic : new String[]{topics.plans(), topics.activities(), topics.reports()}) {
            TestKafka.get().createTopic(topic, 3);
        }
        return topics;
    }

    public static Map<String, Object> properties(String database, Topics topics, TestSmtp smtp) {
        TestPostgres postgres = TestPostgres.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database);
        properties.put("spring.datasource.username", postgres.user());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.get().bootstrapServers());
        properties.put("samplan.consumer.topics", topics.plans() + "," + topics.activities() + "," + topics.reports());
        properties.put("samplan.consumer.group", "notification-" + topics.plans());
        properties.put("spring.mail.host", smtp.host());
        properties.put("spring.mail.port", smtp.port());
        properties.put("samplan.mail.poll-interval", "PT0.2S");
        properties.put("samplan.mail.first-retry", "PT0.2S");
        properties.put("samplan.mail.max-retry", "PT1S");
        properties.put("samplan.digest.check-interval", "PT1H");
        properties.put("server.port", "0");
        return properties;
    }

    public static HttpEntity<Object> as(String association, String user, String roles, Object body) {
        HttpHeaders headers = new HttpHeaders();
        se.samplan.testkit.TestIdentity.headers(association, user, roles).forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
